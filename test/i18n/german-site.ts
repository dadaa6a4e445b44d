/**
 * A small newsroom written in German (issue 19), for the tests of a site's interface language:
 * its stories, data description and names are the newsroom's own German words, so that every
 * English word its pages show can only come from the interface. Three stories on pages of one
 * give the pagination; the first has a byline, an update, a correction, sources, tags, a check
 * and an assert, so that the brief's every interface string is printed.
 */
import { article, tempSite } from '../helpers/temp-site.js'

const first = article(
  `title: Bitcoin fällt deutlich
date: 2025-11-04T18:30:00+01:00
updated: 2025-11-04T21:05:00+01:00
section: maerkte
tags: [bitcoin, kryptowährungen]
byline: Wirtschaftsredaktion
sources:
  - { name: Börsendaten, url: "https://boerse.example.org/" }
  - { name: Eigene Recherche }
corrections:
  - date: 2025-11-04T22:00:00+01:00
    text: In einer früheren Fassung stand ein falscher Wochentag.
data:
  btc: maerkte/btc.csv
checks:
  - figure: "99510"
    expr: btc.schluss["2025-11-04"]
asserts:
  - expr: pct_change(btc.schluss, "2025-11-03", "2025-11-04") < 0
    says: Der Kurs ist gefallen`,
  'Der Bitcoin schloss am Dienstag bei 99510 Dollar. Der Kurs ist gefallen, Händler sprachen von einem schwarzen Tag.\n'
)

const second = article(
  `title: Regen im Norden
date: 2025-11-03T09:00:00+01:00
section: wetter
tags: [regen]`,
  'Im Norden regnet es seit Tagen. Die Flüsse führen Hochwasser.\n'
)

const third = article(
  `title: Neue Brücke eröffnet
date: 2025-11-02T09:00:00+01:00
section: regional`,
  'Die neue Brücke über den Fluss ist fertig. Anwohner feierten die Eröffnung.\n'
)

/** `data/site.yaml` of the German newsroom, with `extra` lines (such as `labels:`) added. */
export function germanSettings(extra = ''): string {
  return `title: Die Zeitung
url: https://zeitung.example.org/
language: de
timezone: Europe/Berlin
description: Nachrichten, jede Zahl geprüft.
page_size: 1
search: true
sections:
  maerkte: Märkte
  wetter: Wetter
  regional: Regionales
${extra}`
}

/** Writes the German newsroom into a temporary folder and returns its path. */
export function germanSite(extra = ''): Promise<string> {
  return tempSite({
    'data/site.yaml': germanSettings(extra),
    'data/maerkte/btc.csv':
      'date,schluss\n2025-11-01,108000\n2025-11-02,107500\n2025-11-03,107000\n2025-11-04,99510\n',
    'data/maerkte/btc.about.yaml': `title: Bitcoin-Tageskurse
subject: Bitcoin
source: Testdaten der Redaktion
columns:
  schluss: { label: Schlusskurs, unit: USD }
`,
    'content/bitcoin.md': first,
    'content/regen.md': second,
    'content/bruecke.md': third
  })
}
