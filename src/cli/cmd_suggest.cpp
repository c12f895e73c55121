#include "cli/commands.hpp"
namespace stance::cli {
void setup_suggest(CLI::App&, Context&) {}
}
