// The Markdown form of evolution, snapshot and compare (`--format md`): a heading, one line of
// context and tables that paste into a memo. Every position is printed next to its claim (never a
// bare topic), with the start of its quote and the span it comes from.
#pragma once

#include <ostream>

#include "stance/query/compare.hpp"
#include "stance/query/evolution.hpp"
#include "stance/query/snapshot.hpp"

namespace stance::cli {

void print_evolution_md(std::ostream& out, const Evolution& evolution);
void print_snapshot_md(std::ostream& out, const Snapshot& snapshot);
void print_comparison_md(std::ostream& out, const Comparison& comparison);

} // namespace stance::cli
