"""Opens a GraphML or GEXF file written by stance with NetworkX (Debian's python3-networkx) and
checks the number of nodes and edges and that nodes carry the named attributes; exits 1 with the
reason otherwise. Debian 12's NetworkX (2.8) reads GEXF up to 1.2, so the tests give it GraphML.
Usage: python3 read_network.py FILE graphml|gexf NODES EDGES [ATTRIBUTE...]
"""
import math
import sys

import networkx


def main(file, kind, nodes, edges, *attributes):
    graph = networkx.read_graphml(file) if kind == "graphml" else networkx.read_gexf(file)
    if graph.number_of_nodes() != int(nodes):
        sys.exit(f"{file}: {graph.number_of_nodes()} nodes, expected {nodes}")
    if graph.number_of_edges() != int(edges):
        sys.exit(f"{file}: {graph.number_of_edges()} edges, expected {edges}")
    for attribute in attributes:
        if not any(attribute in values for _, values in graph.nodes(data=True)):
            sys.exit(f"{file}: no node has the attribute {attribute}")
    for first, second, values in graph.edges(data=True):
        if not isinstance(values.get("weight"), float) or math.isnan(values["weight"]):
            sys.exit(f"{file}: edge {first}-{second} has no numeric weight")
    print(f"{kind} read: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges, "
          f"attributes {' '.join(attributes)}")


if __name__ == "__main__":
    main(*sys.argv[1:])
