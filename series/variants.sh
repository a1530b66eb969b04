# SPDX-License-Identifier: GPL-2.0
#
# The series' variants of run.sh (sourced by it after its helpers: build,
# run, run_san, default_series; each variant sets 'reason' and leaves the
# runner's output in $log; what it prints becomes its KTAP subtest).
# SERIES_VARIANTS lists them, in the order make check runs them, after
# asan..m32.

SERIES_VARIANTS=(pmd-pfnmap series-diff)

#: the PFN placement tests with KCONFIG_DISABLE=CONFIG_ARCH_SUPPORTS_PUD_PFNMAP
# An architecture that maps PFNs with PMDs but not PUDs (arm64 with 64K
# pages, say): KCONFIG_DISABLE=CONFIG_ARCH_SUPPORTS_PUD_PFNMAP, ASan +
# UBSan; the PFN placement tests (or the ARGS)
variant_pmd-pfnmap() {
	build SAN=1 KCONFIG_DISABLE=CONFIG_ARCH_SUPPORTS_PUD_PFNMAP || return
	[ $# -gt 0 ] || set -- 'pfnmap_*'
	run_san "$bin" "$@"
}

#: random mmaps with and without the series: identical --trace files
# The series changes nothing for mappings that declare no PFN: the
# series_diff_* tests (random mmap/munmap sequences) with one seed, built
# with the series and without it (SERIES=none), must write identical
# --trace files.  Without a series there is nothing to compare: a skip.
# VMA_SERIES_DIFF_SEED picks the seed (default: random, printed).
variant_series-diff() {
	local with without seed=${VMA_SERIES_DIFF_SEED:-$((RANDOM * 32768 + RANDOM))}

	if [ "$(default_series)" = none ]; then
		printf 'ok 1 series_diff_identical_traces # SKIP no series is applied (SERIES=none: KDIR given, KVER other than the series'"'"'s, or asked for): nothing to compare\n0 passed, 0 failed, 1 skipped\n' | tee "$log"
		return
	fi
	build SAN=0 || return
	with=$bin
	local top=$dir
	dir=$top/none
	build SAN=0 SERIES=none || { dir=$top; return; }
	without=$bin
	dir=$top
	echo "# series-diff: seed $seed (rerun with VMA_SERIES_DIFF_SEED=$seed)"
	"$without" --seed "$seed" --trace "$dir/without.trace" 'series_diff_*' \
		>"$dir/without.log" 2>&1
	if ! tail -n 1 "$dir/without.log" | grep -q ' 0 failed'; then
		reason="the build without the series failed its own run: $dir/without.log"
		return
	fi
	run "$with" --seed "$seed" --trace "$dir/with.trace" 'series_diff_*'
	if ! cmp -s "$dir/with.trace" "$dir/without.trace"; then
		reason="placement differs with the series ($(wc -l <"$dir/with.trace") trace lines; first difference: $(diff "$dir/without.trace" "$dir/with.trace" | sed -n '2p;4p' | paste -sd ' ')); traces in $dir"
		return
	fi
	echo "# series-diff: $(wc -l <"$dir/with.trace") trace lines identical with and without the series"
}
