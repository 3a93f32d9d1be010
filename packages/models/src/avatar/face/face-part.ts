import type { MaterialKey } from '../materials.js';
import type { FaceVertex } from './face-rig.js';

/** A face primitive in head-local space whose vertices the face rig can move. */
export interface FacePart {
  name: string;
  material: MaterialKey;
  vertices: FaceVertex[];
  indices: number[];
}

/** The mirror image of a left-side part across x = 0 (winding reversed to keep faces outward). */
export function mirrorPart(part: FacePart, name: string): FacePart {
  const indices: number[] = [];
  for (let i = 0; i + 2 < part.indices.length; i += 3) {
    indices.push(part.indices[i] ?? 0, part.indices[i + 2] ?? 0, part.indices[i + 1] ?? 0);
  }
  return {
    name,
    material: part.material,
    vertices: part.vertices.map((v) => ({
      ...v,
      rest: [-v.rest[0], v.rest[1], v.rest[2]],
      ...(v.lid ? { lid: { ...v.lid, side: v.lid.side === 1 ? -1 : 1 } } : {}),
    })),
    indices,
  };
}

/** Joins parts that share a material into one (fewer primitives, same look). */
export function mergeParts(name: string, parts: FacePart[]): FacePart {
  const first = parts[0];
  if (!first) throw new Error(`mergeParts(${name}) needs at least one part`);
  const merged: FacePart = { name, material: first.material, vertices: [], indices: [] };
  for (const part of parts) {
    const offset = merged.vertices.length;
    merged.vertices.push(...part.vertices);
    for (const i of part.indices) merged.indices.push(i + offset);
  }
  return merged;
}

/** Connects a grid of vertex indices (`rows[r][c]`) with quads; `flip` reverses the winding. */
export function gridIndices(rows: number[][], flip: boolean, wrap = false): number[] {
  const out: number[] = [];
  for (let r = 0; r + 1 < rows.length; r++) {
    const a = rows[r] ?? [];
    const b = rows[r + 1] ?? [];
    const n = wrap ? a.length : a.length - 1;
    for (let c = 0; c < n; c++) {
      const c1 = (c + 1) % a.length;
      const i00 = a[c] ?? 0;
      const i01 = a[c1] ?? 0;
      const i10 = b[c] ?? 0;
      const i11 = b[c1] ?? 0;
      if (flip) out.push(i00, i11, i10, i00, i01, i11);
      else out.push(i00, i10, i11, i00, i11, i01);
    }
  }
  return out;
}
