/**
 * SPEC 5.2-5.5 phrase forms around the number: the head noun a number counts, a change restated
 * in another unit, `up to` after a movement word, the movement words of 5.4, and numbers that
 * name a thing. Each "reads" table fails when its rule is taken out; each "stays" table holds
 * what the rule must not change.
 */
import { describe, it } from 'vitest'
import { type Expected, expectFigures } from './read-figures.js'

type Row = readonly [markdown: string, expected: readonly Expected[]]

describe('SPEC 5.2: the counted noun is the head noun', () => {
  const reads: Row[] = [
    [
      'It employs 1,400 federal workers.',
      [['1,400 federal workers', 1400, 'workers', 'exact', null]]
    ],
    [
      'It deployed 215 Pakistani soldiers.',
      [['215 Pakistani soldiers', 215, 'soldiers', 'exact', null]]
    ],
    ['The yard made 40 new hires.', [['40 new hires', 40, 'hires', 'exact', null]]],
    ['Police found 3 stolen cars.', [['3 stolen cars', 3, 'cars', 'exact', null]]],
    ['It took 5 trading days.', [['5 trading days', 5, 'days', 'exact', null]]],
    ['It has 5 long-term holders.', [['5 long-term holders', 5, 'holders', 'exact', null]]],
    ['It sent 5 US troops.', [['5 US troops', 5, 'troops', 'exact', null]]],
    // Compound units stay whole.
    ['It covers 229 square miles.', [['229 square miles', 229, 'square miles', 'exact', null]]],
    ['It shipped 5 metric tons of rice.', [['5 metric tons', 5, 'metric tons', 'exact', null]]],
    [
      'It spans 10 square kilometres.',
      [['10 square kilometres', 10, 'square kilometres', 'exact', null]]
    ],
    ['It holds 3 cubic metres.', [['3 cubic metres', 3, 'cubic metres', 'exact', null]]],
    [
      'It sailed 100 nautical miles.',
      [['100 nautical miles', 100, 'nautical miles', 'exact', null]]
    ],
    // A noun before the head is a modifier; an irregular plural gives way to a regular one.
    ['It shut 5 bank branches.', [['5 bank branches', 5, 'branches', 'exact', null]]],
    ['It sent 40 police officers.', [['40 police officers', 40, 'officers', 'exact', null]]],
    ['It hired one bank clerk.', [['one bank clerk', 1, 'clerk', 'exact', null]]],
    ['It fed 200 children lunch.', [['200 children', 200, 'children', 'exact', null]]],
    ['It owns one building.', [['one building', 1, 'building', 'exact', null]]],
    ['One firm makes chips.', [['One firm', 1, 'firm', 'exact', null]]],
    [
      'Of the 40, 12 resigned.',
      [
        ['40', 40, null, 'exact', null],
        ['12', 12, null, 'exact', null]
      ]
    ],
    ['It hired one federal worker.', [['one federal worker', 1, 'worker', 'exact', null]]],
    // A rate keeps its `per` noun.
    ['Winds hit 215 km per hour.', [['215 km per hour', 215, 'km per hour', 'exact', null]]],
    // A verb, a preposition or punctuation right after the number: no unit.
    ['Ten went missing.', [['Ten', 10, null, 'exact', null]]],
    [
      'Of 40, 12 came to harm.',
      [
        ['40', 40, null, 'exact', null],
        ['12', 12, null, 'exact', null]
      ]
    ],
    ['Of the crew, 12 remain aboard.', [['12', 12, null, 'exact', null]]],
    ['It named 3 injured.', [['3', 3, null, 'exact', null]]]
  ]
  const stays: Row[] = [
    // A plural noun ends the phrase, whatever follows it.
    [
      'Over 470,000 investors worldwide sold.',
      [['Over 470,000 investors', 470000, 'investors', 'over', null]]
    ],
    ['Over 20 people missing.', [['Over 20 people', 20, 'people', 'over', null]]],
    ['Then 5 investors drop out.', [['5 investors', 5, 'investors', 'exact', null]]],
    ['It came to 40 ships a day.', [['40 ships', 40, 'ships', 'exact', null]]],
    // After a count of one, a plural-looking word is a verb.
    ['One analyst expects more.', [['One analyst', 1, 'analyst', 'exact', null]]],
    ['Only one investor sold.', [['one investor', 1, 'investor', 'exact', null]]],
    ['It was a 500 point drop.', [['500 point', 500, 'point', 'exact', 'down']]],
    ['There were 5 remaining.', [['5', 5, null, 'exact', null]]],
    ['It built 5 new.', [['5', 5, null, 'exact', null]]],
    ['It hit 5 long days.', [['5 long days', 5, 'days', 'exact', null]]],
    ['It has 5 gas stations.', [['5 gas stations', 5, 'stations', 'exact', null]]],
    ['The 2024 presidential election mattered.', []],
    ['A wait of over 2 days ends.', [['over 2 days', 2, 'days', 'over', null]]],
    [
      'In 3 days Hamas freed 5 hostages.',
      [
        ['3 days', 3, 'days', 'exact', null],
        ['5 hostages', 5, 'hostages', 'exact', null]
      ]
    ],
    [
      'It pumps 5 barrels per 100 days.',
      [
        ['5 barrels', 5, 'barrels', 'exact', null],
        ['100 days', 100, 'days', 'exact', null]
      ]
    ]
  ]
  it.each(reads)('reads %s', expectFigures)
  it.each(stays)('reads %s', expectFigures)
})

describe('SPEC 5.4: direction', () => {
  const restated: Row[] = [
    [
      'The Dow fell 318 points, or 0.8%, to 39,000.',
      [
        ['318 points', 318, 'points', 'exact', 'down'],
        ['0.8%', 0.8, '%', 'exact', 'down'],
        ['39,000', 39000, null, 'exact', null]
      ]
    ],
    [
      'The index rose 40 points or 1.2%.',
      [
        ['40 points', 40, 'points', 'exact', 'up'],
        ['1.2%', 1.2, '%', 'exact', 'up']
      ]
    ],
    [
      'Rates fell 5% (0.3 points).',
      [
        ['5%', 5, '%', 'exact', 'down'],
        ['0.3 points', 0.3, 'points', 'exact', 'down']
      ]
    ],
    [
      'Shares fell 5%, or about 40 points.',
      [
        ['5%', 5, '%', 'exact', 'down'],
        ['about 40 points', 40, 'points', 'about', 'down']
      ]
    ]
  ]
  const notRestated: Row[] = [
    [
      'Shares fell 5%, or below $3 a share.',
      [
        ['5%', 5, '%', 'exact', 'down'],
        ['below $3', 3, 'USD', 'under', null]
      ]
    ],
    [
      'It had 5 banks, or 7% of them.',
      [
        ['5 banks', 5, 'banks', 'exact', null],
        ['7%', 7, '%', 'exact', null]
      ]
    ],
    [
      'Shares fell 5%, and 7% of holders sold.',
      [
        ['5%', 5, '%', 'exact', 'down'],
        ['7%', 7, '%', 'exact', null]
      ]
    ]
  ]
  const words: (readonly [string, 'up' | 'down'])[] = [
    ['eased', 'down'],
    ['easing', 'down'],
    ['retreated', 'down'],
    ['contracted', 'down'],
    ['tanked', 'down'],
    ['shrank', 'down'],
    ['slumped', 'down'],
    ['edged down', 'down'],
    ['closed lower by', 'down'],
    ['edged up', 'up'],
    ['closed higher by', 'up'],
    ['advanced', 'up'],
    ['rebounded', 'up'],
    ['spiked', 'up'],
    ['added', 'up'],
    ['grew', 'up']
  ]
  const upTo: Row[] = [
    ['Revenue jumps up to $11 million.', [['$11 million', 11e6, 'USD', 'exact', null]]],
    ['Yields rose up to 5%.', [['5%', 5, '%', 'exact', null]]]
  ]
  const upToStays: Row[] = [
    ['Fees came to up to 2%.', [['up to 2%', 2, '%', 'at-most', null]]],
    ['It could reach up to 2%.', [['up to 2%', 2, '%', 'at-most', null]]],
    ['Revenue fell down to $5 million.', [['$5 million', 5e6, 'USD', 'exact', null]]]
  ]
  it.each(restated)('reads %s: a change restated has the same direction', expectFigures)
  it.each(notRestated)('reads %s: no restated change', expectFigures)
  it.each(words)('reads the movement word %s', (word, direction) => {
    expectFigures(`Output ${word} 2% on Monday.`, [['2%', 2, '%', 'exact', direction]])
  })
  it.each(upTo)('reads %s: up to after a movement word is to', expectFigures)
  it.each(upToStays)('reads %s', expectFigures)
})

describe('SPEC 5.5: a bare number after a capitalized name word names a thing', () => {
  const names: Row[] = [
    ['Traffic on Route 38 slowed.', []],
    ['Route 38 was closed.', []],
    ['It was a Category 3 storm.', []],
    ['Category 3 storms hit.', []],
    ['Boeing 737 deliveries resumed at Gate 12.', []],
    ['Under Article 5, allies help.', []],
    ['It runs Windows 11.', []],
    ['The Fortune 500 list grew.', []],
    ['Chapter 11 bankruptcy loomed.', []],
    ["The Standard & Poor's 500 index rose.", []],
    ['It runs Windows 3.1 still.', []],
    ['It flew the iPhone 15 in.', []]
  ]
  const figures: Row[] = [
    [
      'Only 12 of the 40 ships came.',
      [
        ['12', 12, null, 'exact', null],
        ['40 ships', 40, 'ships', 'exact', null]
      ]
    ],
    ['In 2020, 40 ships came.', [['40 ships', 40, 'ships', 'exact', null]]],
    ['About 12 people came.', [['About 12 people', 12, 'people', 'about', null]]],
    ['Perhaps 40 ships came.', [['40 ships', 40, 'ships', 'exact', null]]],
    ['On Monday 40 ships came.', [['40 ships', 40, 'ships', 'exact', null]]],
    ['In May 40 ships came.', [['40 ships', 40, 'ships', 'exact', null]]],
    ['Top 10 risks.', [['10 risks', 10, 'risks', 'exact', null]]],
    ['Exactly 40 ships came.', [['40 ships', 40, 'ships', 'exact', null]]],
    ['Reportedly 40 ships came.', [['40 ships', 40, 'ships', 'exact', null]]],
    ['In June 40 ships came.', [['40 ships', 40, 'ships', 'exact', null]]],
    ['Last 3 banks failed.', [['3 banks', 3, 'banks', 'exact', null]]],
    ['Nvidia 5 Percent Higher', [['5 Percent', 5, '%', 'exact', 'up']]],
    ['Ford Recalls Hit 2 Million', [['2 Million', 2e6, null, 'exact', null]]],
    // Headlines: a unit, a scale word or a capitalized counted noun shows a figure; so does a
    // headline verb before the number.
    [
      'Bitcoin Falls 7% as Liquidations Near $2 Billion',
      [
        ['7%', 7, '%', 'exact', 'down'],
        ['Near $2 Billion', 2e9, 'USD', 'nearly', null]
      ]
    ],
    ['Port Handles 40 Ships a Day', [['40 Ships', 40, 'ships', 'exact', null]]],
    ['Oil Tops $90 a Barrel', [['$90', 90, 'USD', 'exact', null]]],
    ['Death Toll Reaches 40', [['40', 40, null, 'exact', null]]],
    ['Firm Hired 40 in March', [['40', 40, null, 'exact', null]]],
    ['Apple Sells 40 Million Phones', [['40 Million Phones', 40e6, 'phones', 'exact', null]]],
    ['Storm Kills 12 Percent of Herd', [['12 Percent', 12, '%', 'exact', null]]],
    ['Boeing 737 Deliveries Resume', [['737 Deliveries', 737, 'deliveries', 'exact', null]]],
    ['Bitcoin 100,000 is near.', [['100,000', 100000, null, 'exact', null]]],
    ['Route 38% done.', [['38%', 38, '%', 'exact', null]]]
  ]
  const compounds: Row[] = [
    ['A 10-year note and a 30-day window.', []],
    ['A 10-Year Note', []]
  ]
  it.each(names)('finds no figure in %s', expectFigures)
  it.each(figures)('reads %s', expectFigures)
  it.each(compounds)('reads no compound adjective in %s', expectFigures)
})
