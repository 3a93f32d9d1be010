import { Extension, type Material, type WriterContext } from '@gltf-transform/core';
import type { MaterialSpec } from '../materials.js';

/**
 * Writes `VRMC_materials_mtoon` (MToon 1.0) onto materials. The toon settings live in this
 * extension instance, keyed by material, and are emitted in the write hook once material
 * indices are known. Base colour stays in the core material (`baseColorFactor`), as MToon 1.0
 * specifies, so viewers without MToon still show the right colours.
 */
export class MtoonExtension extends Extension {
  static override readonly EXTENSION_NAME = 'VRMC_materials_mtoon';
  override readonly extensionName = 'VRMC_materials_mtoon';
  private readonly specs = new Map<Material, MaterialSpec>();

  assign(material: Material, spec: MaterialSpec): this {
    this.specs.set(material, spec);
    return this;
  }

  override read(): this {
    return this;
  }

  override write(context: WriterContext): this {
    const materials = context.jsonDoc.json.materials ?? [];
    for (const [material, s] of this.specs) {
      const i = context.materialIndexMap.get(material);
      const def = i === undefined ? undefined : materials[i];
      if (!def) continue;
      def.extensions = def.extensions ?? {};
      def.extensions[this.extensionName] = {
        specVersion: '1.0',
        transparentWithZWrite: false,
        renderQueueOffsetNumber: 0,
        shadeColorFactor: s.shadeColor,
        shadingShiftFactor: s.shadingShift,
        shadingToonyFactor: s.shadingToony,
        giEqualizationFactor: 0.9,
        matcapFactor: [0, 0, 0],
        parametricRimColorFactor: s.rimColor,
        parametricRimFresnelPowerFactor: s.rimFresnelPower,
        parametricRimLiftFactor: s.rimLift,
        rimLightingMixFactor: 1,
        outlineWidthMode: s.outlineWidth > 0 ? 'worldCoordinates' : 'none',
        outlineWidthFactor: s.outlineWidth,
        outlineColorFactor: s.outlineColor,
        outlineLightingMixFactor: 1,
        uvAnimationScrollXSpeedFactor: 0,
        uvAnimationScrollYSpeedFactor: 0,
        uvAnimationRotationSpeedFactor: 0,
      };
    }
    return this;
  }
}
