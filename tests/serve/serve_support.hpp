// What the tests of `stance serve` share: the real binary started on port 0 (its URL read from its
// first line of output), an HTTP client for it, raw requests for what a client library would
// tidy up (paths with "..", Host headers), and the CLI run for the databases and for comparison.
#pragma once

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <httplib.h>

#include "support.hpp"

extern char** environ;

namespace stance::test {

struct CliResult {
    int exit_code = -1;
    std::string out; ///< Standard output only.
};

/// Starts the built `stance` with `arguments` (each one argument, no shell), its standard output
/// into a pipe whose reading end is returned; standard error stays the test's.
inline int spawn_stance(const std::vector<std::string>& arguments, pid_t& pid) {
    int pipe_ends[2];
    REQUIRE(pipe(pipe_ends) == 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipe_ends[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, pipe_ends[0]);
    std::vector<std::string> all{STANCE_CLI_BINARY};
    all.insert(all.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv;
    argv.reserve(all.size() + 1);
    for (std::string& argument : all) {
        argv.push_back(argument.data());
    }
    argv.push_back(nullptr);
    REQUIRE(posix_spawn(&pid, STANCE_CLI_BINARY, &actions, nullptr, argv.data(), environ) == 0);
    posix_spawn_file_actions_destroy(&actions);
    close(pipe_ends[1]);
    return pipe_ends[0];
}

/// Runs the built `stance` with `arguments` to its end.
inline CliResult run_stance(const std::vector<std::string>& arguments) {
    pid_t pid = 0;
    const int output = spawn_stance(arguments, pid);
    CliResult result;
    char buffer[65536];
    for (ssize_t n = 0; (n = read(output, buffer, sizeof buffer)) > 0;) {
        result.out.append(buffer, static_cast<std::size_t>(n));
    }
    close(output);
    int status = 0;
    waitpid(pid, &status, 0);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

/// A database in a temporary folder holding the seed report and its coding.
inline std::string seed_database(const TempDir& dir) {
    std::string db = (dir / "seed.db").string();
    const CliResult imported =
        run_stance({"--db", db, "-q", "import", (source_dir() / "data/seed/nato-2017-03-31.json").string()});
    REQUIRE(imported.exit_code == 0);
    return db;
}

/// `stance serve` running on port 0 with `arguments` after `serve`; stopped (SIGTERM) at the end.
class ServeProcess {
public:
    ServeProcess(const std::string& database, std::vector<std::string> arguments = {}) {
        std::vector<std::string> all{"--db", database, "--by", "tester", "serve", "--port", "0"};
        all.insert(all.end(), arguments.begin(), arguments.end());
        m_output = spawn_stance(all, m_pid);
        m_url = first_line();
        const std::size_t port_at = m_url.find(':', 7) + 1;
        m_port = std::stoi(m_url.substr(port_at));
        if (const std::size_t token_at = m_url.find("?token="); token_at != std::string::npos) {
            m_token = m_url.substr(token_at + 7);
        }
    }
    ServeProcess(const ServeProcess&) = delete;
    ServeProcess& operator=(const ServeProcess&) = delete;
    ~ServeProcess() {
        if (m_pid > 0) {
            (void)stop();
        }
        close(m_output);
    }

    /// Sends SIGTERM and waits; the exit code (-1 when ended by a signal). A server still running
    /// after `patience` is killed (SIGKILL) and counted a failure: waiting for ever would keep CTest's
    /// pipe open through the child, and the whole run would hang instead of this test failing.
    int stop(std::chrono::seconds patience = std::chrono::seconds(60)) {
        kill(m_pid, SIGTERM);
        const auto deadline = std::chrono::steady_clock::now() + patience;
        int status = 0;
        pid_t ended = 0;
        while ((ended = waitpid(m_pid, &status, WNOHANG)) == 0 && std::chrono::steady_clock::now() < deadline) {
            poll(nullptr, 0, 20);
        }
        if (ended == 0) {
            kill(m_pid, SIGKILL);
            waitpid(m_pid, &status, 0);
            FAIL_CHECK("stance serve did not stop within ", patience.count(), " s of SIGTERM; killed");
        }
        m_pid = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }

    [[nodiscard]] const std::string& url() const { return m_url; }
    [[nodiscard]] int port() const { return m_port; }
    [[nodiscard]] const std::string& token() const { return m_token; }
    [[nodiscard]] std::string host() const { return "127.0.0.1:" + std::to_string(m_port); }

    /// A client for the server, without credentials.
    [[nodiscard]] httplib::Client client() const {
        httplib::Client client("127.0.0.1", m_port);
        client.set_read_timeout(60);
        return client;
    }
    /// The headers of a write from the server's own page: the token and the page's origin.
    [[nodiscard]] httplib::Headers write_headers() const {
        return {{"Authorization", "Bearer " + m_token}, {"Origin", "http://" + host()}};
    }

private:
    std::string first_line() {
        std::string line;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (line.find('\n') == std::string::npos) {
            pollfd ready{m_output, POLLIN, 0};
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            REQUIRE_MESSAGE(left.count() > 0, "stance serve printed no URL within 30 s");
            if (poll(&ready, 1, static_cast<int>(left.count())) <= 0) {
                continue;
            }
            char c = 0;
            REQUIRE_MESSAGE(read(m_output, &c, 1) == 1, "stance serve ended before printing its URL");
            line += c;
        }
        line.pop_back();
        return line;
    }

    pid_t m_pid = -1;
    int m_output = -1;
    std::string m_url;
    int m_port = 0;
    std::string m_token;
};

/// Sends `request` (the whole HTTP request, as bytes) to 127.0.0.1:`port` and returns the whole
/// answer; for requests a client library would not send as they are.
inline std::string raw_request(int port, const std::string& request) {
    const int socket_fd = socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(socket_fd >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(connect(socket_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    REQUIRE(send(socket_fd, request.data(), request.size(), 0) == static_cast<ssize_t>(request.size()));
    std::string answer;
    char buffer[65536];
    for (ssize_t n = 0; (n = recv(socket_fd, buffer, sizeof buffer, 0)) > 0;) {
        answer.append(buffer, static_cast<std::size_t>(n));
    }
    close(socket_fd);
    return answer;
}

/// A GET of `target` with `host` as the Host header, the connection closed after it.
inline std::string raw_get(int port, const std::string& target, const std::string& host) {
    return raw_request(port, "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
}

/// The status code of a raw answer ("HTTP/1.1 403 Forbidden…" → 403).
inline int status_of(const std::string& answer) {
    return answer.size() > 12 ? std::stoi(answer.substr(9, 3)) : -1;
}

} // namespace stance::test
