import { type AnySQLiteColumn, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Kinds of party unit, from the bloc down to the party cell. */
export const unitKinds = [
  'dang_bo_khoi',
  'dang_bo_co_so',
  'dang_bo_bo_phan',
  'chi_bo_co_so',
  'chi_bo_truc_thuoc',
  'to_dang',
] as const;
export type UnitKind = (typeof unitKinds)[number];

/** "Loại hình" of a grassroots organisation (TCCSĐ); reports break statistics down by it. */
export const unitTypes = [
  'co_quan_hanh_chinh',
  'don_vi_su_nghiep',
  'doanh_nghiep_nha_nuoc',
  'doanh_nghiep_ngoai_nha_nuoc',
  'khac',
] as const;
export type UnitType = (typeof unitTypes)[number];

export const units = sqliteTable(
  'units',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    parentId: integer('parent_id').references((): AnySQLiteColumn => units.id),
    kind: text('kind', { enum: unitKinds }).notNull(),
    type: text('type', { enum: unitTypes }),
    // Materialised path of ids ("/1/4/9/") so a subtree is one indexed range query (pathWithin).
    path: text('path').notNull(),
    /** The unit shows post-meeting feedback without names. */
    anonymousFeedback: integer('anonymous_feedback', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('units_parent_id_idx').on(t.parentId), index('units_path_idx').on(t.path)],
);

export type Unit = typeof units.$inferSelect;
