#!/bin/bash -eu
# ClusterFuzzLite / OSS-Fuzz build of nvtsim's libFuzzer targets. Their
# builder runs it in the image .clusterfuzzlite/Dockerfile makes, with the
# sources in $SRC/nvtsim and $CC $CXX $CFLAGS $CXXFLAGS $LIB_FUZZING_ENGINE
# $WORK $OUT set; scripts/check-cflite runs it the same way on this machine.
# For each target of fuzz/CMakeLists.txt it leaves in $OUT the binary,
# <name>.dict and <name>_seed_corpus.zip (fuzz/<name>_corpus/).
src=$SRC/nvtsim
build=$WORK/nvtsim-build

# CMAKE_BUILD_TYPE=None: their CFLAGS alone (RelWithDebInfo's -O2 -DNDEBUG
# would override -O1 and drop the asserts). NVTSIM_FUZZ_SANITIZE=OFF: the
# sanitizers are theirs to pick per build (address, undefined, memory, coverage).
cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=None \
	-DCMAKE_C_COMPILER="$CC" -DCMAKE_CXX_COMPILER="$CXX" \
	-DCMAKE_C_FLAGS="$CFLAGS" -DCMAKE_CXX_FLAGS="$CXXFLAGS" \
	-DNVTSIM_TESTS=OFF -DNVTSIM_FUZZ=ON -DNVTSIM_FUZZ_SANITIZE=OFF \
	-DNVTSIM_FUZZ_ENGINE="$LIB_FUZZING_ENGINE" -DNVTSIM_FUZZ_LINK_CXX=ON

# the targets, as fuzz/CMakeLists.txt lists them: one list to keep
targets=$(sed -n 's/^nvtsim_fuzz_target(\([A-Za-z0-9_-]*\))$/\1/p' "$src/fuzz/CMakeLists.txt")
[ -n "$targets" ] || { echo "build.sh: no nvtsim_fuzz_target() in fuzz/CMakeLists.txt" >&2; exit 1; }
# shellcheck disable=SC2086 # one target a word
cmake --build "$build" -j"$(nproc)" --target $targets

for t in $targets; do
	cp "$build/fuzz/$t" "$OUT/$t"
	cp "$src/fuzz/$t.dict" "$OUT/$t.dict"
	rm -f "$OUT/${t}_seed_corpus.zip"
	# -j: flat, the corpus files at the top; -X: no uid/gid or extra attributes
	zip -q -j -X "$OUT/${t}_seed_corpus.zip" "$src/fuzz/${t}_corpus"/*
done
