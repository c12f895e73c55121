// Changing what was coded, and its history: edit, delete, history, undo (docs/history.md).
#include <iostream>

#include <fmt/format.h>

#include "commands.hpp"
#include "table.hpp"
#include "stance/coding/edit_stance.hpp"
#include "stance/error.hpp"
#include "stance/store/history.hpp"

namespace stance::cli {

namespace {

struct EditCommand {
    std::string stance;
    std::string position;
    std::optional<double> score;
    std::optional<std::string> quote;
    std::optional<std::string> paraphrase;
    std::optional<std::string> note;
    std::optional<double> confidence;
    std::string basis;
    std::string breadth;
    std::string actor;
    std::string topic;
    std::optional<std::string> proposition;
};

StanceEdit stance_edit(const EditCommand& options) {
    StanceEdit edit;
    edit.kind = parse_choice_option(options.position, "--position", position_choices, parse_position_kind);
    edit.score = options.score;
    edit.quote = options.quote;
    edit.paraphrase = options.paraphrase;
    edit.note = options.note;
    edit.confidence = options.confidence;
    edit.basis = parse_choice_option(options.basis, "--basis", basis_choices, parse_basis);
    edit.breadth = parse_choice_option(options.breadth, "--breadth", breadth_choices, parse_breadth);
    if (!options.actor.empty()) {
        edit.actor = ActorId{options.actor};
    }
    if (!options.topic.empty()) {
        edit.topic = TopicId{options.topic};
    }
    if (options.proposition) {
        edit.proposition = PropositionId{*options.proposition};
    }
    return edit;
}

/// What kind of entity `id` names: --kind, else the one kind that has it.
RecordKey key_of(const Store& store, const std::string& id, const std::string& kind) {
    if (!kind.empty()) {
        const std::optional<RecordKind> parsed = parse_record_kind(kind);
        if (!parsed) {
            throw invalid_input_error("--kind", fmt::format("\"{}\" is not a kind of record; use document, actor, "
                                                            "membership, role, topic, proposition, body, meeting, "
                                                            "agenda_item, participant or stance",
                                                            kind));
        }
        return RecordKey{*parsed, id};
    }
    constexpr std::array<std::pair<EntityKind, RecordKind>, 8> kinds{{
        {EntityKind::stance, RecordKind::stance},
        {EntityKind::document, RecordKind::document},
        {EntityKind::actor, RecordKind::actor},
        {EntityKind::topic, RecordKind::topic},
        {EntityKind::proposition, RecordKind::proposition},
        {EntityKind::body, RecordKind::body},
        {EntityKind::meeting, RecordKind::meeting},
        {EntityKind::agenda_item, RecordKind::agenda_item},
    }};
    std::vector<RecordKind> found;
    for (const auto& [entity, record] : kinds) {
        if (store.exists(entity, id)) {
            found.push_back(record);
        }
    }
    if (found.empty()) {
        throw not_found_error(
            fmt::format("nothing has the id \"{}\" (memberships, roles and participants need --kind)", id));
    }
    if (found.size() > 1) {
        throw invalid_input_error(id, fmt::format("is the id of a {} and of a {}; say which with --kind",
                                                  to_string(found[0]), to_string(found[1])));
    }
    return RecordKey{found.front(), id};
}

std::string what_changed(const EntityChange& change) {
    if (!change.before) {
        return "created";
    }
    if (!change.after) {
        return "deleted";
    }
    std::string fields;
    for (const FieldChange& field : changed_fields(change)) {
        fields +=
            fmt::format("{}{}: {} → {}", fields.empty() ? "" : "; ", field.field,
                        field.before.empty() ? "(none)" : field.before, field.after.empty() ? "(none)" : field.after);
    }
    return fields;
}

std::string set_label(const ChangeSet& set) {
    std::string label = set.summary;
    if (set.bulk_stances > 0) {
        label += fmt::format("{}{} stances written in bulk", label.empty() ? "" : "; ", set.bulk_stances);
    }
    if (set.undone_by) {
        label += fmt::format("{}undone by change set {}", label.empty() ? "" : "; ", *set.undone_by);
    }
    return label;
}

/// Change sets with a line each (the latest ones), or with a line per change (one entity's, or one set).
void print_history(const std::vector<ChangeSet>& sets, bool each_change, Format format) {
    Table table;
    table.columns = {"change_set", "action", "by", "at", "record", "change"};
    for (const ChangeSet& set : sets) {
        if (!each_change) {
            table.rows.push_back({std::to_string(set.id), set.action, set.by, set.at,
                                  fmt::format("{} record{}", set.changes.size(), set.changes.size() == 1 ? "" : "s"),
                                  set_label(set)});
            continue;
        }
        for (const EntityChange& change : set.changes) {
            table.rows.push_back({std::to_string(set.id), set.action, set.by, set.at,
                                  fmt::format("{} {}", to_string(change.key.kind), change.key.id),
                                  what_changed(change)});
        }
    }
    table.print(std::cout, format);
}

} // namespace

void setup_edit(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand("edit", "Change fields of a coded stance (recorded in the history)");
    auto options = std::make_shared<EditCommand>();
    command->add_option("stance", options->stance, "The stance id")->required();
    command->add_option("--position", options->position, "New position kind (support, oppose, concern, …)");
    command->add_option("--score", options->score, "New score in [-1, 1] (default with --position: its default)");
    command->add_option("--quote", options->quote, "New quote, found in the stance's document (span set from it)");
    command->add_option("--paraphrase", options->paraphrase, "New English paraphrase");
    command->add_option("--note", options->note, "New coder's note");
    command->add_option("--confidence", options->confidence, "New confidence in [0, 1]");
    command->add_option("--basis", options->basis, "New basis (vote, statement, reported, inferred, recalled)");
    command->add_option("--breadth", options->breadth, "New breadth (single, all, broad, many, some)");
    command->add_option("--actor", options->actor, "New actor id");
    command->add_option("--topic", options->topic, "New topic id");
    command->add_option("--proposition", options->proposition, "New proposition id (\"\" for none)");
    command->callback([&context, options] {
        auto store = context.open_store();
        ChangeNote note;
        note.summary = fmt::format("edit of stance \"{}\"", options->stance);
        const Stance edited = edit_stance(*store, StanceId{options->stance}, stance_edit(*options), note);
        if (!context.quiet) {
            HistoryFilter filter;
            filter.entity = edited.id.str();
            filter.kind = RecordKind::stance;
            filter.limit = 1;
            print_history(store->change_sets(filter), true, Format::text);
        }
    });
}

void setup_delete(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "delete", "Delete a stance or another record nothing refers to (recorded; `stance undo` brings it back)");
    auto id = std::make_shared<std::string>();
    auto kind = std::make_shared<std::string>();
    command->add_option("id", *id, "The id of what to delete")->required();
    command->add_option("--kind", *kind, "What the id names when several kinds have it (stance, document, …)");
    command->callback([&context, id, kind] {
        auto store = context.open_store();
        const RecordKey key = key_of(*store, *id, *kind);
        ChangeNote note;
        note.summary = fmt::format("deleted {} \"{}\"", to_string(key.kind), key.id);
        const std::int64_t change_set = delete_entity(*store, key, note);
        if (!context.quiet) {
            std::cout << fmt::format("deleted {} \"{}\" (change set {}; `stance undo {}` restores it)\n",
                                     to_string(key.kind), key.id, change_set, change_set);
        }
    });
}

void setup_history(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "history", "How a record came to be (every change to ID), one change set in full, or the latest change sets");
    auto id = std::make_shared<std::string>();
    auto kind = std::make_shared<std::string>();
    auto change = std::make_shared<std::optional<std::int64_t>>();
    auto limit = std::make_shared<std::size_t>(20);
    auto format = std::make_shared<Format>(Format::text);
    command->add_option("id", *id, "A record's id (a stance, document, actor, …)");
    command->add_option("--kind", *kind, "Only records of this kind (stance, document, …)");
    command->add_option("--change", *change, "Show this change set with every record it changed");
    command->add_option("-n,--limit", *limit, "How many change sets at most, newest first (default 20)")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1'000'000}));
    add_format_option(*command, *format);
    command->callback([&context, id, kind, change, limit, format] {
        auto store = context.open_store(true);
        HistoryFilter filter;
        filter.limit = *limit;
        filter.change_set = *change;
        if (!id->empty()) {
            filter.entity = *id;
        }
        if (!kind->empty()) {
            filter.kind = parse_record_kind(*kind);
            if (!filter.kind) {
                throw invalid_input_error("--kind", fmt::format("\"{}\" is not a kind of record", *kind));
            }
        }
        const std::vector<ChangeSet> sets = store->change_sets(filter);
        if (sets.empty() && (change->has_value() || !id->empty())) {
            throw not_found_error(change->has_value() ? fmt::format("there is no change set {}", **change)
                                                      : fmt::format("the history records no change to \"{}\"", *id));
        }
        print_history(sets, change->has_value() || !id->empty(), *format);
    });
}

void setup_undo(CLI::App& app, Context& context) {
    auto* command =
        app.add_subcommand("undo", "Revert a change set (refused when a later change set changed the same records)");
    auto id = std::make_shared<std::int64_t>(0);
    command->add_option("change_set", *id, "The change set's number (`stance history` lists them)")->required();
    command->callback([&context, id] {
        auto store = context.open_store();
        const std::int64_t undo = undo_change_set(*store, *id);
        if (!context.quiet) {
            std::cout << fmt::format("undid change set {} (recorded as change set {})\n", *id, undo);
        }
    });
}

} // namespace stance::cli
