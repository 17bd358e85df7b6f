/** Which files are Terraform configuration: native syntax (`.tf`) or JSON syntax (`.tf.json`). Without dependencies, so that reports may ask. */
export function isTerraformConfig(rel: string): boolean {
  return /\.tf(\.json)?$/i.test(rel);
}
