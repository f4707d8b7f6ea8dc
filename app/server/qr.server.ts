import QRCode from "qrcode";

/**
 * A QR code as inline SVG (scales to any print size without blur). Error correction M: a
 * poster can be a little scratched or folded and still scan.
 */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}
