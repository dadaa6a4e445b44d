/**
 * Words for verdicts (SPEC 6), so that a status is never shown by colour alone: the panel, the
 * report page and the summaries all name it.
 */
import type { Labels } from '../i18n/labels.js'
import type { AssertResult, FigureResult, FigureStatus } from '../types.js'

/** What a reader sees for each status. */
export const statusLabels: Readonly<Record<FigureStatus, string>> = {
  verified: 'Verified',
  contradicted: 'Contradicted',
  unchecked: 'Unchecked',
  error: 'Could not check'
}

/** Order in which summaries list the statuses. */
const summaryOrder: readonly FigureStatus[] = ['verified', 'contradicted', 'unchecked', 'error']

/** `12 figures: 3 verified, 9 unchecked`, naming only the statuses that occur. */
export function figureSummary(figures: readonly Pick<FigureResult, 'status'>[]): string {
  if (figures.length === 0) return 'No figures'
  const parts = summaryOrder
    .map((status) => ({
      status,
      count: figures.filter((figure) => figure.status === status).length
    }))
    .filter((part) => part.count > 0)
    .map((part) => `${part.count} ${statusLabels[part.status].toLowerCase()}`)
  return `${figures.length} ${figures.length === 1 ? 'figure' : 'figures'}: ${parts.join(', ')}`
}

/** The label of an assert's status. */
export function assertLabel(status: AssertResult['status']): string {
  return statusLabels[status]
}

/** A verdict in readers' words, from the site's catalogue: `Matches our data`. */
export function verdictLabel(labels: Labels, status: FigureStatus): string {
  return labels[`verdict_${status}`]
}
