// The login of a team server (`stance serve --team`, docs/team.md): a coder's name and password,
// sent once to the server, which answers with a session cookie the browser keeps (HttpOnly: no
// script reads it). A refusal (a wrong password, too many attempts) is shown with the server's words.
import {api} from "./api.js";
import {el, field, replace} from "./dom.js";

/// Shows the login form in the page; resolves once a coder has logged in.
export function showLogin() {
    return new Promise((resolve) => {
        const name = el("input", {type: "text", name: "name", autocomplete: "username", required: true,
                                  autocapitalize: "none", spellcheck: "false"});
        const password = el("input", {type: "password", name: "password", autocomplete: "current-password", required: true});
        const refusal = el("p", {class: "refusal", role: "alert", hidden: true});
        const form = el("form", {class: "card login", "aria-label": "Log in"},
            el("h1", {}, "Log in"),
            el("p", {class: "hint"}, "This workbench serves a team: log in with the account your admin made for you."),
            field("Name", name), field("Password", password), refusal,
            el("div", {class: "actions"}, el("button", {type: "submit"}, "Log in")));
        form.addEventListener("submit", async (event) => {
            event.preventDefault();
            refusal.hidden = true;
            try {
                await api.login(name.value.trim(), password.value);
                password.value = "";
                resolve();
            } catch (error) {
                password.value = "";
                refusal.textContent = error.message;
                refusal.hidden = false;
                password.focus();
            }
        });
        replace(document.getElementById("view"), form);
        document.body.dataset.ready = "login"; // tests wait for this
        name.focus();
    });
}
