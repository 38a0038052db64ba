export * from './cases';
export * from './cooperation';
export type { DemoBounds, DemoDistrict, DemoStreet, DemoTown, DistrictKind } from './district';
export * from './generator';
export * from './history';
