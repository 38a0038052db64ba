import argon2 from 'argon2';

export interface PasswordCost {
  memoryCost: number;
  timeCost: number;
}

export function hashPassword(password: string, cost: PasswordCost): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id, memoryCost: cost.memoryCost, timeCost: cost.timeCost, parallelism: 1 });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Verifies against a throw-away hash so unknown user names take as long as wrong passwords. */
export async function burnVerification(password: string, cost: PasswordCost): Promise<void> {
  dummyHash ??= hashPassword('lotse-timing-equaliser', cost);
  await verifyPassword(await dummyHash, password);
}
