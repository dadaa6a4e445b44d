/**
 * The rule catalogue (SPEC 7, issue 16): the ids the bad-input corpus expects are in it, the exit
 * status follows each rule's kind, and the README's rule table and `factdesk rules` are the
 * catalogue's own words. That the source names no id outside it, and that a real build emits each
 * of its ids, is rule-coverage.test.ts.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { listRules } from '../../src/commands/list-rules.js'
import { ruleIds, rules, rulesIn } from '../../src/rules.js'
import { exitStatus } from '../../src/report/exit-status.js'
import { runCli } from '../helpers/run-cli.js'

const corpus = fileURLToPath(new URL('../fixtures/bad-input/', import.meta.url))
const readme = fileURLToPath(new URL('../../README.md', import.meta.url))
const update = process.env.UPDATE === '1'

/** The rules the bad-input corpus expects; test/hardening/bad-input.test.ts proves each reported. */
async function corpusRules(): Promise<Set<string>> {
  const found = new Set<string>()
  for (const name of await readdir(corpus)) {
    const expected: unknown = JSON.parse(
      await readFile(join(corpus, name, 'expected.json'), 'utf8')
    )
    const problems = (expected as { problems?: Array<{ rule: string }> }).problems ?? []
    for (const problem of problems) found.add(problem.rule)
  }
  return found
}

describe('the rule catalogue', () => {
  it('holds every rule the bad-input corpus expects', async () => {
    for (const rule of await corpusRules()) expect(ruleIds).toContain(rule)
  })

  it.each(ruleIds)('gives %s the exit status of its kind', (id) => {
    const status = exitStatus([{ severity: 'error', line: 1, column: 1, rule: id, message: '' }])
    expect(status).toBe(rules[id].kind === 'input' ? 2 : 1)
  })

  it('is what factdesk rules prints, as text and as JSON', async () => {
    const text = await runCli(['rules'])
    expect(text.exit).toBe(0)
    for (const id of ruleIds) expect(text.stdout).toContain(id)
    const json = await runCli(['rules', '--format', 'json'])
    expect(JSON.parse(json.stdout)).toEqual(ruleIds.map((id) => ({ id, ...rules[id] })))
  })

  it('names each rule of a list of problems once, in the order they first appear', () => {
    const named = (rule: string): { rule: string } => ({ rule })
    expect(
      rulesIn([
        named('figure-unchecked'),
        named('frontmatter'),
        named('figure-unchecked'),
        named('not-a-rule')
      ])
    ).toEqual(['figure-unchecked', 'frontmatter'])
  })

  // `UPDATE=1` rewrites the table from the catalogue (review the diff like code): the README's
  // words about rules are never edited by hand.
  it("is the README's rule table, word for word", async () => {
    const text = await readFile(readme, 'utf8')
    const marked = /(<!-- rules -->\n)([\s\S]*?)(<!-- \/rules -->)/
    const table = marked.exec(text)?.[2]
    expect(table, 'README.md has no <!-- rules --> table').toBeDefined()
    if (update && table !== listRules('markdown')) {
      await writeFile(
        readme,
        text.replace(
          marked,
          (_, open: string, _old, close: string) => open + listRules('markdown') + close
        )
      )
      return
    }
    expect(table, 'the README is behind src/rules.ts: run this file with UPDATE=1').toBe(
      listRules('markdown')
    )
  })
})
