// `stance coders`: the coder accounts of a team (docs/team.md), added, listed and changed, and
// their passwords set. The command acts with the database's own access: whoever may write the
// database may manage its accounts, as with every other write; `stance serve --team` is where
// coders log in and each request is checked against their permissions.
#include <iostream>

#include <fmt/format.h>

#include "commands.hpp"
#include "password_input.hpp"
#include "stance/error.hpp"
#include "stance/team/coders.hpp"
#include "table.hpp"

namespace stance::cli {

namespace {

constexpr std::string_view role_choices = "reader, coder, reviewer, admin";
constexpr std::string_view permission_choices =
    "code_stances, edit_others, review, add_documents, delete_documents, import_data, manage_coders";

std::string permissions_listed(const PermissionSet& permissions) {
    std::string listed;
    for (const Permission permission : permissions.list()) {
        listed += fmt::format("{}{}", listed.empty() ? "" : ",", to_string(permission));
    }
    return listed;
}

std::string summary_of(const Coder& coder) {
    const std::string permissions = permissions_listed(coder.permissions);
    return fmt::format("coder \"{}\" ({}{}): {}", coder.name, to_string(coder.role), coder.disabled ? ", disabled" : "",
                       permissions.empty() ? "reads only" : permissions);
}

Permission permission_option(const std::string& text, std::string_view option) {
    if (const auto permission = parse_choice_option(text, option, permission_choices, parse_permission)) {
        return *permission;
    }
    throw invalid_input_error(std::string(option), fmt::format("is empty; name one of {}", permission_choices));
}

struct AddCommand {
    std::string name;
    std::string role;
    std::string display_name;
    std::string password_file;
};

void run_add(const Context& context, const AddCommand& command) {
    Coder coder;
    coder.name = command.name;
    coder.display_name = command.display_name;
    const auto role = parse_choice_option(command.role, "--role", role_choices, parse_coder_role);
    if (!role) {
        throw invalid_input_error("--role", fmt::format("is empty; name one of {}", role_choices));
    }
    coder.role = *role;
    coder.permissions = default_permissions(coder.role);
    auto directory = context.open_coders();
    if (directory->coder(coder.name)) { // before asking for a password that could not be used
        throw invalid_input_error(fmt::format("coder \"{}\"", coder.name),
                                  "the name is taken by another account; choose another name, or change that "
                                  "account (stance coders set)");
    }
    directory->add(coder, read_new_password(command.password_file, coder.name));
    if (!context.quiet) {
        std::cout << "added " << summary_of(*directory->coder(coder.name)) << '\n';
    }
}

struct SetCommand {
    std::string name;
    std::string role;
    std::vector<std::string> grant;
    std::vector<std::string> withdraw;
    std::optional<std::string> display_name;
    bool disable = false;
    bool enable = false;
};

/// The account with the command's changes: a new role first (its default permissions), then each
/// permission granted, then each withdrawn.
Coder changed(Coder coder, const SetCommand& command) {
    if (const auto role = parse_choice_option(command.role, "--role", role_choices, parse_coder_role)) {
        coder.role = *role;
        coder.permissions = default_permissions(*role);
    }
    for (const std::string& permission : command.grant) {
        coder.permissions.grant(permission_option(permission, "--grant"));
    }
    for (const std::string& permission : command.withdraw) {
        coder.permissions.withdraw(permission_option(permission, "--withdraw"));
    }
    if (command.display_name) {
        coder.display_name = *command.display_name;
    }
    coder.disabled = command.disable || (coder.disabled && !command.enable);
    return coder;
}

void run_set(const Context& context, const SetCommand& command) {
    if (command.role.empty() && command.grant.empty() && command.withdraw.empty() && !command.display_name &&
        !command.disable && !command.enable) {
        throw invalid_input_error("stance coders set", "nothing to change; give --role, --grant, --withdraw, "
                                                       "--display-name, --disable or --enable");
    }
    auto directory = context.open_coders();
    const std::optional<Coder> coder = directory->coder(command.name);
    if (!coder) {
        throw not_found_error(fmt::format("there is no coder \"{}\" in this database; `stance coders list` lists "
                                          "the accounts",
                                          command.name));
    }
    directory->update(changed(*coder, command));
    if (!context.quiet) {
        std::cout << "changed " << summary_of(*directory->coder(command.name)) << '\n';
    }
}

struct PasswdCommand {
    std::string name;
    std::string password_file;
};

void run_passwd(const Context& context, const PasswdCommand& command) {
    auto directory = context.open_coders();
    if (!directory->coder(command.name)) { // before asking for a password that could not be used
        throw not_found_error(fmt::format("there is no coder \"{}\" in this database; `stance coders list` lists "
                                          "the accounts",
                                          command.name));
    }
    directory->set_password(command.name, read_new_password(command.password_file, command.name));
    if (!context.quiet) {
        std::cout << fmt::format("changed the password of coder \"{}\"\n", command.name);
    }
}

struct ListCommand {
    Format format = Format::text;
};

void run_list(const Context& context, const ListCommand& command) {
    Table table;
    table.columns = {"name", "display_name", "role", "permissions", "status", "created_at"};
    for (const Coder& coder : context.open_coders(true)->coders()) {
        table.rows.push_back({coder.name, coder.display_name, std::string(to_string(coder.role)),
                              permissions_listed(coder.permissions), coder.disabled ? "disabled" : "enabled",
                              coder.created_at});
    }
    table.print(std::cout, command.format);
}

void add_password_file_option(CLI::App& command, std::string& file) {
    command.add_option("--password-file", file,
                       "Read the password from the first line of this file (default: standard input; typed twice, "
                       "unseen, at a terminal). Never on the command line, where every user sees it");
}

} // namespace

void setup_coders(CLI::App& app, Context& context) {
    auto* coders = app.add_subcommand("coders", "The coder accounts of a team: add, list, set, passwd (docs/team.md)");
    coders->require_subcommand(1);

    auto* add = coders->add_subcommand("add", "Add a coder account; the password is read from standard input");
    auto add_options = std::make_shared<AddCommand>();
    add->add_option("name", add_options->name, "The login: lowercase letters, digits, '.', '-', '_'")->required();
    add->add_option("--role", add_options->role, "reader, coder, reviewer or admin (docs/team.md)")->required();
    add->add_option("--display-name", add_options->display_name, "The name the workbench shows");
    add_password_file_option(*add, add_options->password_file);
    add->callback([&context, add_options] { run_add(context, *add_options); });

    auto* list = coders->add_subcommand("list", "List the coder accounts, their roles and permissions");
    auto list_options = std::make_shared<ListCommand>();
    add_format_option(*list, list_options->format);
    list->callback([&context, list_options] { run_list(context, *list_options); });

    auto* set = coders->add_subcommand("set", "Change a coder's role, permissions, display name, or disable them");
    auto set_options = std::make_shared<SetCommand>();
    set->add_option("name", set_options->name, "The coder's login")->required();
    set->add_option("--role", set_options->role, "A new role; its default permissions replace the coder's");
    set->add_option("--grant", set_options->grant, "Grant a permission (after --role; repeatable)");
    set->add_option("--withdraw", set_options->withdraw, "Withdraw a permission (after --grant; repeatable)");
    set->add_option("--display-name", set_options->display_name, "A new display name");
    auto* disable = set->add_flag("--disable", set_options->disable, "Disable the account: no more logins");
    set->add_flag("--enable", set_options->enable, "Enable a disabled account")->excludes(disable);
    set->callback([&context, set_options] { run_set(context, *set_options); });

    auto* passwd = coders->add_subcommand("passwd", "Set a coder's password; it is read from standard input");
    auto passwd_options = std::make_shared<PasswdCommand>();
    passwd->add_option("name", passwd_options->name, "The coder's login")->required();
    add_password_file_option(*passwd, passwd_options->password_file);
    passwd->callback([&context, passwd_options] { run_passwd(context, *passwd_options); });
}

} // namespace stance::cli
