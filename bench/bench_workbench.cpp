// Benchmark: "a full session's heatmap renders in under a second" (issue 12). The workbench's
// agreement page asks `stance serve` for one session's agreement matrix as JSON and as the SVG
// heatmap. Measured for one UN General Assembly session of the full history:
//   baseline  the query alone: a fresh Catalog and agreement_matrix(), as every route starts;
//   server    the work of each route in-process: the query, then to_json and the seriation
//             order (JSON), or the seriated heatmap (SVG);
//   HTTP      the whole request to a real server (serve::Server on 127.0.0.1, port 0), timed by
//             cpp-httplib's client: parsing, the guard, the route, sending the answer.
//
// Usage: bench_workbench DATABASE [SESSION (default 70)] [RUNS (default 5)]
// Prints one line of key=value pairs; seconds are medians over RUNS.
#include <algorithm>
#include <chrono>
#include <functional>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <httplib.h>

#include "serve/server.hpp"
#include "stance/chart/charts.hpp"
#include "stance/chart/seriation.hpp"
#include "stance/error.hpp"
#include "stance/query/agreement.hpp"
#include "stance/query/catalog.hpp"
#include "stance/store/store.hpp"
#include "stance/unga/import.hpp"

namespace {

double median_seconds(int runs, const std::function<void()>& work) {
    std::vector<double> seconds;
    for (int run = 0; run < runs; ++run) {
        const auto started = std::chrono::steady_clock::now();
        work();
        seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    }
    std::sort(seconds.begin(), seconds.end());
    return seconds[seconds.size() / 2];
}

stance::AgreementMatrix session_matrix(const stance::Store& store, int session) {
    const stance::Catalog catalog{store};
    return stance::agreement_matrix(store, catalog, stance::unga_session_meeting(session));
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2 || argc > 4) {
        std::cerr << "usage: bench_workbench DATABASE [SESSION] [RUNS]\n";
        return 2;
    }
    const std::string database = argv[1];
    const int session = argc > 2 ? std::stoi(argv[2]) : 70;
    const int runs = argc > 3 ? std::max(1, std::stoi(argv[3])) : 5;
    try {
        stance::OpenOptions read_only;
        read_only.read_only = true;
        auto store = stance::Store::open(database, read_only);
        const stance::AgreementMatrix sample = session_matrix(*store, session);

        std::size_t json_bytes = 0;
        std::size_t svg_bytes = 0;
        const double query = median_seconds(runs, [&] { (void)session_matrix(*store, session); });
        const double json = median_seconds(runs, [&] {
            const stance::AgreementMatrix matrix = session_matrix(*store, session);
            json_bytes = stance::to_json(matrix).size();
            (void)stance::chart::heatmap_order(matrix); // the route sends the heatmap's order and blocs too
        });
        const double svg = median_seconds(
            runs, [&] { svg_bytes = stance::chart::agreement_matrix_svg(session_matrix(*store, session)).size(); });

        stance::serve::ServeOptions options;
        options.database = database;
        options.port = 0;
        options.read_only = true;
        options.requests_per_second = 1000.0;
        options.burst = 1000.0;
        stance::serve::Server server(options);
        server.bind();
        std::thread serving([&server] { server.run(); });
        httplib::Client client("127.0.0.1", server.port());
        client.set_read_timeout(600);
        auto fetch = [&](const std::string& target) {
            const auto answer = client.Get(target);
            if (!answer || answer->status != 200) {
                throw stance::error(fmt::format("GET {} failed ({})", target, answer ? answer->status : -1));
            }
            return answer->body.size();
        };
        const std::string query_string = fmt::format("?session={}", session);
        std::size_t http_json_bytes = 0;
        std::size_t http_svg_bytes = 0;
        const double http_json =
            median_seconds(runs, [&] { http_json_bytes = fetch("/api/agreement-matrix" + query_string); });
        const double http_svg =
            median_seconds(runs, [&] { http_svg_bytes = fetch("/api/agreement-matrix.svg" + query_string); });
        server.stop();
        serving.join();

        std::cout << fmt::format("session={} actors={} roll_calls={} runs={} query_seconds={:.4f} json_seconds={:.4f} "
                                 "svg_seconds={:.4f} http_json_seconds={:.4f} http_svg_seconds={:.4f} "
                                 "json_bytes={} svg_bytes={} http_json_bytes={} http_svg_bytes={}\n",
                                 session, sample.actors.size(), sample.roll_calls, runs, query, json, svg, http_json,
                                 http_svg, json_bytes, svg_bytes, http_json_bytes, http_svg_bytes);
    } catch (const std::exception& failure) {
        std::cerr << "bench_workbench: " << failure.what() << '\n';
        return 1;
    }
    return 0;
}
