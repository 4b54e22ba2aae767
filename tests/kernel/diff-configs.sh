# The explorations the differential check compares (sourced by diff.sh,
# with ver and var set): the default config, the seed race, one WRITE with
# the smallest sndbuf, a READ plus a WRITE, two CPUs, a WRITE larger than
# MAXH2CDATA, and the write_space hang's two configs.
explore_diff "$ver" "$var" -
explore_diff "$ver" "$var" "$top/scenarios/seed-race.nvt"
explore_diff "$ver" "$var" "$top/tests/kernel/configs/write-small-sndbuf.nvt"
explore_diff "$ver" "$var" "$top/tests/kernel/configs/read-write.nvt"
explore_diff "$ver" "$var" "$top/tests/kernel/configs/two-cpus.nvt"
explore_diff "$ver" "$var" "$top/scenarios/maxh2cdata-chunking.nvt"
explore_diff "$ver" "$var" "$top/tests/pins/write-space-lost-to-trylock.nvt"
explore_diff "$ver" "$var" "$top/tests/kernel/configs/write-space-commit.nvt"
