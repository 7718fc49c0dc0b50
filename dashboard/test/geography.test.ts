import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sitePositions, VOIVODESHIP_OUTLINES, VOIVODESHIP_SHAPES } from "../src/map/geography";

type Ring = [number, number][];

/** Even-odd rule: whether a point (longitude, latitude) lies in a polygon with holes. */
function inPolygon([x, y]: [number, number], polygon: Ring[]): boolean {
  let inside = false;
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

function inVoivodeship(teryt: string, point: [number, number]): boolean {
  const shape = VOIVODESHIP_OUTLINES.features.find((feature) => feature.properties?.teryt === teryt)!;
  const polygons = shape.geometry.type === "Polygon" ? [shape.geometry.coordinates] : shape.geometry.type === "MultiPolygon" ? shape.geometry.coordinates : [];
  return polygons.some((polygon) => inPolygon(point, polygon as Ring[]));
}

/**
 * Each voivodeship's seat (of its voivode; Toruń is the marshal's seat of
 * kujawsko-pomorskie, Zielona Góra of lubuskie), by TERYT code: where
 * it is, from any atlas, not from the map's file, so a wrong HASC → TERYT pair
 * in geography.ts puts a city in the wrong voivodeship.
 */
const SEATS: Record<string, [string, number, number]> = {
  "02": ["Wrocław", 17.03, 51.11],
  "04": ["Toruń", 18.6, 53.01],
  "06": ["Lublin", 22.57, 51.25],
  "08": ["Zielona Góra", 15.51, 51.94],
  "10": ["Łódź", 19.46, 51.76],
  "12": ["Kraków", 19.94, 50.06],
  "14": ["Warszawa", 21.01, 52.23],
  "16": ["Opole", 17.93, 50.67],
  "18": ["Rzeszów", 22.0, 50.04],
  "20": ["Białystok", 23.16, 53.13],
  "22": ["Gdańsk", 18.65, 54.35],
  "24": ["Katowice", 19.02, 50.26],
  "26": ["Kielce", 20.63, 50.87],
  "28": ["Olsztyn", 20.49, 53.78],
  "30": ["Poznań", 16.93, 52.41],
  "32": ["Szczecin", 14.55, 53.43],
};

describe("the map's outlines", () => {
  it("are the file decision 0017 names, byte for byte", () => {
    const file = readFileSync(join(__dirname, "../src/map/poland-voivodeships.topo.json"));
    const record = readFileSync(join(__dirname, "../../docs/decisions/0017-the-map.md"), "utf8");
    const stated = /SHA-256 `([0-9a-f]{64})`/.exec(record)?.[1];
    expect(createHash("sha256").update(file).digest("hex")).toBe(stated);
  });

  it("give each TERYT code the voivodeship whose seat it holds, all 16 once", () => {
    expect(VOIVODESHIP_SHAPES.map((shape) => shape.teryt)).toEqual(Object.keys(SEATS).sort());
    for (const [teryt, [city, longitude, latitude]] of Object.entries(SEATS)) {
      const holders = Object.keys(SEATS).filter((code) => inVoivodeship(code, [longitude, latitude]));
      expect(holders, city).toEqual([teryt]);
    }
  });

  it("keep a voivodeship's site dots inside it, from one site to hundreds", () => {
    for (const shape of VOIVODESHIP_SHAPES) {
      for (const count of [1, 2, 6, 40, 400]) {
        const positions = sitePositions(shape, count);
        expect(positions).toHaveLength(count);
        // Apart, not heaped on one point.
        expect(new Set(positions.map(([x, y]) => `${x.toFixed(4)},${y.toFixed(4)}`)).size, `${shape.name}, ${count} sites`).toBe(count);
        const outside = positions.filter((position) => !inVoivodeship(shape.teryt, position));
        expect(outside, `${shape.name}, ${count} sites`).toEqual([]);
      }
    }
  });
});
