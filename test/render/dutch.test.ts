import { describe, expect, it } from 'vitest';
import { aantal } from '../../src/render/dutch.js';

describe('aantal: enkelvoud bij precies één, anders meervoud', () => {
  it('0, 1 en 2', () => {
    expect(aantal(0, 'ER-doel', 'ER-doelen')).toBe('0 ER-doelen');
    expect(aantal(1, 'ER-doel', 'ER-doelen')).toBe('1 ER-doel');
    expect(aantal(2, 'ER-doel', 'ER-doelen')).toBe('2 ER-doelen');
    expect(aantal(1, 'hefboom-inspanning', 'hefboom-inspanningen')).toBe('1 hefboom-inspanning');
  });
});
