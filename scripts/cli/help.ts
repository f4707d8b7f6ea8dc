import { EXIT_OK, type CliContext } from "./context";

export const USAGE = `Hài Lòng — dòng lệnh quản trị (administration command line)

Cách dùng (usage):  npm run cli -- <lệnh> [tham số]

Lệnh (commands):
  migrate                          Áp dụng migration, xuất bản bộ câu hỏi kèm theo
                                   (apply migrations, publish the shipped questionnaires)
  seed-demo [--responses N] [--seed S]
                                   Tạo tỉnh mẫu, đơn vị, thủ tục, kiosk và 1 năm phiếu (mặc định 20.000)
                                   (demo province, units, services, kiosks, a year of responses)
  import-units FILE.csv|xlsx [--dry-run]
                                   Nhập đơn vị: cột code,name,parent,level (import units)
  import-services FILE.csv|xlsx [--dry-run]
                                   Nhập thủ tục hành chính: cột code,name,field,level (import services)
  import-offerings FILE.csv|xlsx [--replace] [--dry-run]
                                   Thủ tục mỗi đơn vị giải quyết: cột unit,service; --replace: tệp là toàn bộ
                                   danh sách của các đơn vị có trong tệp (which TTHC each unit handles)
  publish FILE.json                Kiểm tra và xuất bản bộ câu hỏi thành phiên bản mới
                                   (validate and publish a survey definition)
  create-user --username U --password-stdin --role ROLE [--unit CODE]
                                   Tạo tài khoản; mật khẩu đọc từ stdin, ít nhất 10 ký tự
                                   (create a user; password read from standard input)
  create-token --name N --role ROLE [--unit CODE]
                                   Tạo mã API, chỉ in ra một lần (create an API token, printed once)
  create-kiosk --unit CODE [--counter NAME] [--survey SLUG]
                                   Tạo kiosk: in một lần đường dẫn cài đặt (7 ngày) và mã thiết bị
                                   (create a kiosk: prints the setup URL and the device token once)
  backup FILE                      Sao lưu trực tuyến cơ sở dữ liệu (consistent online backup)
  maintain                         Bảo trì bảng tổng hợp sau khi nạp nhiều phiếu; PostgreSQL: khóa bảng
                                   trong lúc chạy (compact roll-up tables after bulk loads)
  federate --to URL --token T [--province CODE] [--since YYYY-MM]
                                   Gửi số liệu tổng hợp (không gửi phiếu) lên hệ thống trung ương, mỗi
                                   phiên bản phiếu × tháng một bản chốt thay bản trước
                                   (push roll-up snapshots to the national instance; idempotent)
  help                             Hướng dẫn này (this help)

Vai trò (roles): admin, analyst, designer, unit-manager (unit-manager cần --unit);
  mã API còn có vai trò federation --unit MÃ-TỈNH: tỉnh gửi số liệu lên trung ương (federation token).
Cấp đơn vị (unit levels): quoc-gia, tinh, so, ban, xa, phuong, dac-khu, phong, to-chuc-khac, huyen (đơn vị cũ trước 01/07/2025; không tạo mới);
  cũng nhận tên cấp như "Cấp xã", "Cấp tỉnh".
Cấp thủ tục (service levels): tinh, xa, trung-uong.
Tệp nhập: CSV UTF-8 (có hoặc không BOM; phân tách bằng , ; hoặc tab) hay XLSX (trang đầu tiên),
  tối đa 5 MB và 5.000 dòng, có dòng tiêu đề.
Nhập là tất cả hoặc không: một dòng lỗi thì không ghi gì (all or nothing).

Biến môi trường (environment): DATABASE_URL (mặc định ./data/hailong.sqlite; postgres://… cho PostgreSQL),
  PORT, PUBLIC_URL, SECRET_KEY / SECRET_KEY_FILE.
Mã thoát (exit codes): 0 thành công, 1 lỗi, 2 sai cách dùng.`;

export async function help(ctx: CliContext): Promise<number> {
  ctx.io.out(USAGE);
  return EXIT_OK;
}
