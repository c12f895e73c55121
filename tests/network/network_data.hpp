// The real data the network and bloc tests run on: the bundled coded statements (the seed report
// and the eight states' general-debate files) and the small UN vote fixture (tests/data/unga).
#pragma once

#include <memory>
#include <string>

#include "stance/io/dataset_json.hpp"
#include "stance/store/store.hpp"
#include "stance/unga/import.hpp"
#include "support.hpp"
#include "unga/unga_fixture.hpp"

namespace stance::test {

inline std::unique_ptr<Store> bundled_statements() {
    auto store = Store::open(":memory:");
    const auto data = source_dir() / "data";
    import_dataset_file(*store, data / "seed" / "nato-2017-03-31.json");
    for (const char* state : {"nld", "usa", "gbr", "fra", "deu", "ukr", "rus", "chn"}) {
        import_dataset_file(*store, data / "general-debate" / (std::string(state) + "-russia-ukraine.json"));
    }
    return store;
}

inline std::unique_ptr<Store> imported_unga_fixture() {
    auto store = Store::open(":memory:");
    UngaImportOptions options;
    options.full_codes_directory = unga_fixture();
    (void)import_unga(*store, unga_fixture(), options);
    return store;
}

} // namespace stance::test
