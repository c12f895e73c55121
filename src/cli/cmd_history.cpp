// Changing what was coded, and its history: edit, delete, history, undo (docs/history.md).
#include <iostream>

#include <fmt/format.h>

#include "commands.hpp"
#include "stance/coding/edit_stance.hpp"
#include "stance/error.hpp"
#include "stance/store/change_set_json.hpp"
#include "stance/store/history.hpp"
#include "table.hpp"

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

/// Change sets with a line each (the latest ones), or with a line per change (one entity's, or one set);
/// in JSON each change set whole, as the library writes it.
void print_history(const std::vector<ChangeSet>& sets, bool each_change, Format format) {
    if (format == Format::json) {
        std::vector<std::string> records;
        records.reserve(sets.size());
        for (const ChangeSet& set : sets) {
            records.push_back(to_json(set));
        }
        print_json_records(std::cout, records);
        return;
    }
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

void run_edit(const Context& context, const EditCommand& command) {
    auto store = context.open_store();
    ChangeNote note;
    note.summary = fmt::format("edit of stance \"{}\"", command.stance);
    const Stance edited = edit_stance(*store, StanceId{command.stance}, stance_edit(command), note);
    if (!context.quiet) {
        HistoryFilter filter;
        filter.entity = edited.id.str();
        filter.kind = RecordKind::stance;
        filter.limit = 1;
        print_history(store->change_sets(filter), true, Format::text);
    }
}

struct DeleteCommand {
    std::string id;
    std::string kind;
};

void run_delete(const Context& context, const DeleteCommand& command) {
    auto store = context.open_store();
    const RecordKey key = key_of(*store, command.id, command.kind);
    ChangeNote note;
    note.summary = fmt::format("deleted {} \"{}\"", to_string(key.kind), key.id);
    const std::int64_t change_set = delete_entity(*store, key, note);
    if (!context.quiet) {
        std::cout << fmt::format("deleted {} \"{}\" (change set {}; `stance undo {}` restores it)\n",
                                 to_string(key.kind), key.id, change_set, change_set);
    }
}

struct HistoryCommand {
    std::string id;
    std::string kind;
    std::optional<std::int64_t> change;
    std::size_t limit = 20;
    Format format = Format::text;
};

void run_history(const Context& context, const HistoryCommand& command) {
    auto store = context.open_store(true);
    HistoryFilter filter;
    filter.limit = command.limit;
    filter.change_set = command.change;
    if (!command.id.empty()) {
        filter.entity = command.id;
    }
    if (!command.kind.empty()) {
        filter.kind = parse_record_kind(command.kind);
        if (!filter.kind) {
            throw invalid_input_error("--kind", fmt::format("\"{}\" is not a kind of record", command.kind));
        }
    }
    const std::vector<ChangeSet> sets = store->change_sets(filter);
    const bool one_record_or_set = command.change.has_value() || !command.id.empty();
    if (sets.empty() && one_record_or_set) {
        throw not_found_error(command.change.has_value()
                                  ? fmt::format("there is no change set {}", *command.change)
                                  : fmt::format("the history records no change to \"{}\"", command.id));
    }
    print_history(sets, one_record_or_set, command.format);
}

struct UndoCommand {
    std::int64_t change_set = 0;
};

void run_undo(const Context& context, const UndoCommand& command) {
    auto store = context.open_store();
    const std::int64_t undo = undo_change_set(*store, command.change_set);
    if (!context.quiet) {
        std::cout << fmt::format("undid change set {} (recorded as change set {})\n", command.change_set, undo);
    }
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
    command->callback([&context, options] { run_edit(context, *options); });
}

void setup_delete(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "delete", "Delete a stance or another record nothing refers to (recorded; `stance undo` brings it back)");
    auto options = std::make_shared<DeleteCommand>();
    command->add_option("id", options->id, "The id of what to delete")->required();
    command->add_option("--kind", options->kind, "What the id names when several kinds have it (stance, document, …)");
    command->callback([&context, options] { run_delete(context, *options); });
}

void setup_history(CLI::App& app, Context& context) {
    auto* command = app.add_subcommand(
        "history", "How a record came to be (every change to ID), one change set in full, or the latest change sets");
    auto options = std::make_shared<HistoryCommand>();
    command->add_option("id", options->id, "A record's id (a stance, document, actor, …)");
    command->add_option("--kind", options->kind, "Only records of this kind (stance, document, …)");
    command->add_option("--change", options->change, "Show this change set with every record it changed");
    command->add_option("-n,--limit", options->limit, "How many change sets at most, newest first (default 20)")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1'000'000}));
    add_format_option(*command, options->format);
    command->callback([&context, options] { run_history(context, *options); });
}

void setup_undo(CLI::App& app, Context& context) {
    auto* command =
        app.add_subcommand("undo", "Revert a change set (refused when a later change set changed the same records)");
    auto options = std::make_shared<UndoCommand>();
    command->add_option("change_set", options->change_set, "The change set's number (`stance history` lists them)")
        ->required();
    command->callback([&context, options] { run_undo(context, *options); });
}

} // namespace stance::cli
