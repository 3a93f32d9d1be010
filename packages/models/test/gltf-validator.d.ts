/** The part of gltf-validator's API the tests use (the package ships no types). */
declare module 'gltf-validator' {
  interface ValidationMessage {
    code: string;
    message: string;
    severity: number;
    pointer?: string;
  }
  interface ValidationReport {
    issues: { numErrors: number; numWarnings: number; messages: ValidationMessage[] };
    info?: { totalTriangleCount?: number; totalVertexCount?: number };
  }
  const validator: {
    validateBytes(data: Uint8Array, options?: { maxIssues?: number }): Promise<ValidationReport>;
  };
  export default validator;
}
