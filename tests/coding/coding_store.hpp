// A store the coding tests code into: the actors, topics and meetings of a shipped dataset (the
// seed's by default), and one document, "report", holding the test's own text.
#pragma once

#include <memory>
#include <string>

#include "stance/coding/add_document.hpp"
#include "stance/io/dataset_json.hpp"
#include "stance/store/store.hpp"
#include "support.hpp"

namespace stance::test {

inline std::unique_ptr<Store> store_with_report(const std::string& text,
                                                const char* dataset = "data/seed/nato-2017-03-31.json") {
    auto store = Store::open(":memory:");
    import_dataset_file(*store, source_dir() / dataset);
    Document report;
    report.id = DocumentId{"report"};
    report.language = "nl";
    report.title = "Excerpt";
    report.text = text;
    (void)add_document(*store, report);
    return store;
}

} // namespace stance::test
