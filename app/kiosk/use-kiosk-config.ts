import { useEffect, useState } from "react";
import { doneBinding, isMarkedRevoked, loadConfig, loadToken, markRevoked, saveConfig } from "./device-store";
import { queueLength } from "./outbox";
import type { KioskConfigView } from "./types";

export type DeviceStatus = "starting" | "no-token" | "waiting" | "ready" | "revoked";

async function pollHeaders(token: string): Promise<Record<string, string>> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, "accept-language": "vi" };
  const queued = await queueLength().catch(() => null);
  if (queued !== null) headers["x-kiosk-queue"] = String(queued);
  const done = doneBinding.get();
  if (done) headers["x-kiosk-binding-done"] = String(done);
  return headers;
}

/**
 * The device's identity and configuration: the stored token, the last configuration
 * (so a kiosk that reboots offline still works), refreshed by polling the server. Each poll
 * reports the queue length and the spent binding.
 */
export function useKioskConfig() {
  const [token, setToken] = useState<string | null>(null);
  const [config, setConfig] = useState<KioskConfigView | null>(null);
  const [status, setStatus] = useState<DeviceStatus>("starting");
  const [online, setOnline] = useState(false);

  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function poll(tok: string, every: number) {
      let next = every;
      try {
        const res = await fetch("/api/v1/kiosk/config", { headers: await pollHeaders(tok), cache: "no-store" });
        if (res.status === 401) {
          markRevoked();
          setStatus("revoked");
          return;
        }
        if (!res.ok) throw new Error(String(res.status));
        const fresh = (await res.json()) as KioskConfigView;
        if (stop) return;
        setConfig(fresh);
        setStatus("ready");
        setOnline(true);
        next = fresh.pollSeconds * 1000;
        await saveConfig(fresh).catch(() => undefined);
      } catch {
        setOnline(false);
      }
      if (!stop) timer = setTimeout(() => void poll(tok, next), next);
    }
    void (async () => {
      const tok = await loadToken().catch(() => null);
      if (stop) return;
      if (!tok) return setStatus("no-token");
      setToken(tok);
      if (isMarkedRevoked()) return setStatus("revoked");
      const cached = await loadConfig();
      if (stop) return;
      if (cached) {
        setConfig(cached);
        setStatus("ready");
      } else setStatus("waiting");
      void poll(tok, (cached?.pollSeconds ?? 4) * 1000);
    })();
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, []);

  return { token, config, status, online };
}
