/**
 * The benchmark's chart: one point per app size on each line, at the size's place on a logarithmic
 * axis, under a time axis that reaches past the slowest scan.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { timeChart } from '../../bench/chart.js';

describe('benchmark chart', () => {
  const svg = timeChart(
    [
      { functions: 1000, scanS: 7, floorS: 2.1 },
      { functions: 100, scanS: 2.2, floorS: 1 },
      { functions: 10000, scanS: 56.8, floorS: 18.4 },
    ],
    'First scan <synthetic>',
  );

  it('draws each size on both lines, in order of size, with its time in the tooltip', () => {
    assert.deepEqual([...svg.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1]), [
      '100 functions: 2.20 s', '1000 functions: 7.00 s', '10000 functions: 56.80 s',
      '100 functions: 1.00 s', '1000 functions: 2.10 s', '10000 functions: 18.40 s',
    ]);
  });

  it('spaces sizes logarithmically and tops the time axis with a round value above the slowest', () => {
    const xs = [...svg.matchAll(/<text x="([\d.]+)" y="\d+" text-anchor="middle">([\d,]+)<\/text>/g)].map((m) => [m[2], Number(m[1])] as const);
    assert.deepEqual(xs.map(([label]) => label), ['100', '1,000', '10,000']);
    assert.equal(xs[1]![1] - xs[0]![1], xs[2]![1] - xs[1]![1]);
    const ticks = [...svg.matchAll(/text-anchor="end">([\d.]+) s</g)].map((m) => Number(m[1]));
    assert.deepEqual(ticks, [0, 15, 30, 45, 60]);
  });

  it('escapes the caption', () => {
    assert.match(svg, /First scan &lt;synthetic>/);
  });
});
