// Links against the installed stance and uses the store and the dataset reader.
#include <iostream>

#include <stance/stance.hpp>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: consumer DATASET.json\n";
        return 2;
    }
    auto store = stance::Store::open(":memory:");
    stance::import_dataset_file(*store, argv[1]);
    for (const stance::Stance& stance : store->stances()) {
        std::cout << stance.actor.str() << ' ' << stance::to_string(stance.kind) << ' ' << stance.topic.str() << '\n';
    }
    return 0;
}
