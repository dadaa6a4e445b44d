import { it } from 'vitest'
import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import { extractProse } from '../../src/figures/prose.js'
import { detectFigures } from '../../src/figures/detect.js'
import { readFileSync } from 'node:fs'

it('prints', () => {
  const lines = readFileSync('/tmp/fd-cases.txt', 'utf8').split('\n').filter(Boolean)
  for (const md of lines) {
    const tree = unified().use(remarkParse).use(remarkGfm).parse(md)
    const prose = extractProse(tree, md)
    const figs = detectFigures(prose, md, { notFigures: ['±4%', 'S&P 500'] })
    console.log('>> ' + md)
    for (const f of figs) console.log(`   [${f.text}] v=${JSON.stringify(f.value)} u=${f.unit} ${f.approx} ${f.direction} @${f.line}:${f.column} src=${JSON.stringify(md.slice(f.sourceStart, f.sourceEnd))}`)
  }
})
