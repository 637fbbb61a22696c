/**
 * Who took the parcel, as a role: couriers record a role (本人 "the recipient", 门卫 "the
 * gatekeeper", 快递柜 "the locker"), often with a name after it (门卫王师傅). The role tells the
 * customer where to look for their parcel, so the verified view names it apart from the name.
 */
const RECEIVER_ROLES = ['本人', '家人', '同事', '门卫', '物业', '前台', '邻居', '快递柜', '代收点', '菜鸟驿站', '驿站'];

/** 门卫王师傅 → 门卫, 本人 → 本人, 王小明 → null. The longest role wins (菜鸟驿站 over 驿站). */
export function receiverRole(receiver: string): string | null {
  const trimmed = receiver.trim();
  let found: string | null = null;
  for (const role of RECEIVER_ROLES) {
    if (trimmed.startsWith(role) && role.length > (found?.length ?? 0)) found = role;
  }
  return found;
}
