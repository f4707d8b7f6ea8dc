// The demo province after the 2025 reform. Province code and name are real (Tỉnh Bắc Ninh,
// code 24, merged from Bắc Ninh and Bắc Giang: NQ 202/2025/QH15).
// The commune/ward list is INVENTED for the demo: the names are modelled on place names of the
// area but were not checked against the official list of the 2025 commune arrangement, and
// the unit codes ("24.X-…", "24.P-…") are not official codes. See docs/decisions/003-demo-data.md.

export const PROVINCE = { code: "24", name: "Tỉnh Bắc Ninh", level: "tinh" } as const;

/** Effective date of the two-level local government (province → commune). */
export const REFORM_DATE = "2025-07-01";

export const CENTRE = {
  code: "24.TTPVHCC",
  name: "Trung tâm Phục vụ hành chính công tỉnh",
  level: "to-chuc-khac",
  weight: 16,
} as const;

export interface CommuneRow {
  code: string;
  name: string;
  level: "xa" | "phuong";
  /** Relative number of responses (population and dossier volume). */
  weight: number;
}

export const COMMUNES: readonly CommuneRow[] = [
  { code: "24.P-KINH-BAC", name: "UBND phường Kinh Bắc", level: "phuong", weight: 5 },
  { code: "24.P-VO-CUONG", name: "UBND phường Võ Cường", level: "phuong", weight: 3.5 },
  { code: "24.P-VU-NINH", name: "UBND phường Vũ Ninh", level: "phuong", weight: 3 },
  { code: "24.P-TU-SON", name: "UBND phường Từ Sơn", level: "phuong", weight: 4 },
  { code: "24.P-DONG-NGUYEN", name: "UBND phường Đồng Nguyên", level: "phuong", weight: 2.5 },
  { code: "24.P-THUAN-THANH", name: "UBND phường Thuận Thành", level: "phuong", weight: 3 },
  { code: "24.P-QUE-VO", name: "UBND phường Quế Võ", level: "phuong", weight: 3 },
  { code: "24.P-BAC-GIANG", name: "UBND phường Bắc Giang", level: "phuong", weight: 4.5 },
  { code: "24.P-DA-MAI", name: "UBND phường Đa Mai", level: "phuong", weight: 2 },
  { code: "24.P-VIET-YEN", name: "UBND phường Việt Yên", level: "phuong", weight: 3 },
  { code: "24.P-CHU", name: "UBND phường Chũ", level: "phuong", weight: 2 },
  { code: "24.X-TIEN-DU", name: "UBND xã Tiên Du", level: "xa", weight: 2.5 },
  { code: "24.X-YEN-PHONG", name: "UBND xã Yên Phong", level: "xa", weight: 2.5 },
  { code: "24.X-GIA-BINH", name: "UBND xã Gia Bình", level: "xa", weight: 1.8 },
  { code: "24.X-LUONG-TAI", name: "UBND xã Lương Tài", level: "xa", weight: 1.6 },
  { code: "24.X-LANG-GIANG", name: "UBND xã Lạng Giang", level: "xa", weight: 2 },
  { code: "24.X-HIEP-HOA", name: "UBND xã Hiệp Hòa", level: "xa", weight: 2 },
  { code: "24.X-TAN-YEN", name: "UBND xã Tân Yên", level: "xa", weight: 1.7 },
  { code: "24.X-LUC-NAM", name: "UBND xã Lục Nam", level: "xa", weight: 1.5 },
  { code: "24.X-YEN-THE", name: "UBND xã Yên Thế", level: "xa", weight: 1.2 },
  // A remote mountain commune with little traffic: fewer than 30 responses ("ít mẫu").
  { code: "24.X-SON-DONG", name: "UBND xã Sơn Động", level: "xa", weight: 0.1 },
];

/** District-level units closed by the reform, with their successor (codes of the old provinces: 27 Bắc Ninh, 24 Bắc Giang). */
export const CLOSED_UNITS = [
  { code: "27.H-TIEN-DU", name: "UBND huyện Tiên Du (cũ)", level: "huyen", successor: "24.X-TIEN-DU", weight: 1.2 },
  { code: "24.TP-BAC-GIANG", name: "UBND thành phố Bắc Giang (cũ)", level: "huyen", successor: "24.P-BAC-GIANG", weight: 1.8 },
] as const;
