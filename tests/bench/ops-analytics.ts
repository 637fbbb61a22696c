/** The ops dashboard's KPIs and the process map for 30 days over 1 M shipments: target ≤ 300 ms each. */
export async function benchOpsAnalytics(_options: { big: number }): Promise<void> {
  console.log('\nOps KPIs and process map: not measured yet');
}
