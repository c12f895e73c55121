// Louvain, Leiden and modularity through igraph (igraph_communities.hpp). igraph's objects are C
// structs that need a destroy call on every path, so each is held by a small owner below; igraph's
// default error handler aborts the process, so it is replaced by one that lets the call return its
// error code, which becomes an exception.
#include "query/igraph_communities.hpp"

#include <mutex>

#include <fmt/format.h>
#include <igraph.h>

#include "stance/error.hpp"

namespace stance::detail {

namespace {

std::mutex igraph_mutex; // igraph's error handler and random generator are process-wide

void check(igraph_error_t code, const char* what) {
    if (code != IGRAPH_SUCCESS) {
        throw error(fmt::format("igraph failed in {}: {}", what, igraph_strerror(code)));
    }
}

/// While alive: igraph errors return their code instead of aborting, and warnings are not printed.
class QuietIgraph {
public:
    QuietIgraph()
        : m_errors(igraph_set_error_handler(igraph_error_handler_ignore)),
          m_warnings(igraph_set_warning_handler(igraph_warning_handler_ignore)) {}
    ~QuietIgraph() {
        igraph_set_error_handler(m_errors);
        igraph_set_warning_handler(m_warnings);
    }
    QuietIgraph(const QuietIgraph&) = delete;
    QuietIgraph& operator=(const QuietIgraph&) = delete;

private:
    igraph_error_handler_t* m_errors;
    igraph_warning_handler_t* m_warnings;
};

struct RealVector {
    igraph_vector_t v{};
    explicit RealVector(std::size_t size) {
        check(igraph_vector_init(&v, static_cast<igraph_integer_t>(size)), "init");
    }
    ~RealVector() { igraph_vector_destroy(&v); }
    RealVector(const RealVector&) = delete;
    RealVector& operator=(const RealVector&) = delete;
};

struct IntVector {
    igraph_vector_int_t v{};
    explicit IntVector(std::size_t size) {
        check(igraph_vector_int_init(&v, static_cast<igraph_integer_t>(size)), "init");
    }
    ~IntVector() { igraph_vector_int_destroy(&v); }
    IntVector(const IntVector&) = delete;
    IntVector& operator=(const IntVector&) = delete;
};

struct Graph {
    igraph_t g{};
    RealVector weights;

    explicit Graph(const WeightedEdges& graph) : weights(graph.edges.size()) {
        IntVector ends(2 * graph.edges.size());
        for (std::size_t e = 0; e < graph.edges.size(); ++e) {
            VECTOR(ends.v)[2 * e] = static_cast<igraph_integer_t>(graph.edges[e].first);
            VECTOR(ends.v)[2 * e + 1] = static_cast<igraph_integer_t>(graph.edges[e].second);
            VECTOR(weights.v)[e] = graph.edges[e].weight;
        }
        check(igraph_create(&g, &ends.v, static_cast<igraph_integer_t>(graph.size),
                            static_cast<igraph_bool_t>(IGRAPH_UNDIRECTED)),
              "igraph_create");
    }
    ~Graph() { igraph_destroy(&g); }
    Graph(const Graph&) = delete;
    Graph& operator=(const Graph&) = delete;
};

std::vector<std::size_t> to_labels(const igraph_vector_int_t& membership) {
    std::vector<std::size_t> labels(static_cast<std::size_t>(igraph_vector_int_size(&membership)));
    for (std::size_t i = 0; i < labels.size(); ++i) {
        labels[i] = static_cast<std::size_t>(VECTOR(membership)[static_cast<igraph_integer_t>(i)]);
    }
    return labels;
}

void run_leiden(const Graph& graph, double resolution, IntVector& membership) {
    // Leiden optimises modularity when each node weighs its strength and the resolution is divided
    // by twice the total edge weight (igraph's documentation of igraph_community_leiden).
    RealVector strength(0);
    check(igraph_strength(&graph.g, &strength.v, igraph_vss_all(), IGRAPH_ALL, static_cast<igraph_bool_t>(IGRAPH_LOOPS),
                          &graph.weights.v),
          "igraph_strength");
    const double total = igraph_vector_sum(&graph.weights.v);
    igraph_integer_t clusters = 0;
    igraph_real_t quality = 0;
    check(igraph_community_leiden(&graph.g, &graph.weights.v, &strength.v, resolution / (2.0 * total), 0.01, false, -1,
                                  &membership.v, &clusters, &quality),
          "igraph_community_leiden");
}

} // namespace

std::vector<std::size_t> communities(const WeightedEdges& graph, CommunityAlgorithm algorithm, double resolution,
                                     std::uint64_t seed) {
    const std::lock_guard lock(igraph_mutex);
    const QuietIgraph quiet;
    const Graph g(graph);
    IntVector membership(graph.size);
    check(igraph_rng_seed(igraph_rng_default(), static_cast<igraph_uint_t>(seed)), "igraph_rng_seed");
    if (graph.edges.empty()) {
        std::vector<std::size_t> alone(graph.size);
        for (std::size_t i = 0; i < alone.size(); ++i) {
            alone[i] = i;
        }
        return alone;
    }
    if (algorithm == CommunityAlgorithm::leiden) {
        run_leiden(g, resolution, membership);
    } else {
        check(igraph_community_multilevel(&g.g, &g.weights.v, resolution, &membership.v, nullptr, nullptr),
              "igraph_community_multilevel");
    }
    return to_labels(membership.v);
}

double modularity(const WeightedEdges& graph, const std::vector<std::size_t>& membership) {
    const std::lock_guard lock(igraph_mutex);
    const QuietIgraph quiet;
    const Graph g(graph);
    IntVector labels(membership.size());
    for (std::size_t i = 0; i < membership.size(); ++i) {
        VECTOR(labels.v)[static_cast<igraph_integer_t>(i)] = static_cast<igraph_integer_t>(membership[i]);
    }
    igraph_real_t value = 0;
    check(igraph_modularity(&g.g, &labels.v, &g.weights.v, 1.0, false, &value), "igraph_modularity");
    return value;
}

} // namespace stance::detail
