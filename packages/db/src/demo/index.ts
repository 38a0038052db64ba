export * from './cases';
export type { DemoBounds, DemoDistrict, DemoStreet, DemoTown, DistrictKind } from './district';
export * from './generator';
