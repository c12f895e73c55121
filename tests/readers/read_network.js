// Opens a GraphML or GEXF file written by stance with graphology's parsers (graphology-gexf is the
// parser Gephi Lite imports GEXF with) and checks what a user would see: the number of nodes and
// edges, and that every node carries the named attributes. Exits 1 with the reason otherwise.
// Usage: node read_network.js FILE graphml|gexf NODES EDGES [ATTRIBUTE...]
'use strict';
const fs = require('fs');
const Graph = require('graphology');

const [file, format, nodes, edges, ...attributes] = process.argv.slice(2);
const parser = format === 'gexf' ? require('graphology-gexf') : require('graphology-graphml');
const graph = parser.parse(Graph, fs.readFileSync(file, 'utf8'));

function fail(reason) {
  console.log(`${file}: ${reason}`);
  process.exit(1);
}

if (graph.order !== Number(nodes)) fail(`${graph.order} nodes, expected ${nodes}`);
if (graph.size !== Number(edges)) fail(`${graph.size} edges, expected ${edges}`);
for (const attribute of attributes) {
  const missing = graph.filterNodes((node, values) => values[attribute] === undefined);
  if (missing.length === graph.order) fail(`no node has the attribute ${attribute}`);
}
graph.forEachEdge((edge, values) => {
  if (typeof values.weight !== 'number' || Number.isNaN(values.weight)) fail(`edge ${edge} has no numeric weight`);
});
console.log(`${format} read: ${graph.order} nodes, ${graph.size} edges, attributes ${attributes.join(' ')}`);
