/**
 * The currency vocabulary of SPEC 5.2: signs and codes written before the number, names written
 * after it, and the hundredths (`cents`, `pence`). Each decision beyond the SPEC's own list is
 * noted where it is made. Lists are `|`-separated strings, as in `lexicon.ts`.
 */
import { list } from './word-lists.js'

/**
 * Currency signs written before the number, glued or after one space (`$5`, `€ 5`), and, beyond
 * the SPEC, after it (`20€`, all but `$`: see `unit.ts`). Also beyond the SPEC: `₱` PHP, `₺` TRY,
 * `₽` RUB, `₪` ILS, `₫` VND, `₦` NGN, `₴` UAH, signs with one meaning.
 */
export const currencySigns: ReadonlyMap<string, string> = pairs(
  '$ USD|€ EUR|£ GBP|¥ JPY|₹ INR|₩ KRW|₱ PHP|₺ TRY|₽ RUB|₪ ILS|₫ VND|₦ NGN|₴ UAH'
)

/** Letters written right before `$` or `¥` that name another currency (`US$`, `HK$`, `CN¥`). */
export const currencySignPrefixes: ReadonlyMap<string, string> = pairs(
  'US$ USD|HK$ HKD|A$ AUD|AU$ AUD|C$ CAD|CA$ CAD|NZ$ NZD|S$ SGD|NT$ TWD|R$ BRL|MX$ MXN|' +
    'CN¥ CNY|JP¥ JPY'
)

/**
 * Letters written right after `$` that name the dollar (`$US91.8 billion`, the Australian and
 * New Zealand house style); `$A`, `$NZ` and `$HK` beyond the SPEC, from the same style.
 */
export const currencySignSuffixes: ReadonlyMap<string, string> = pairs(
  '$US USD|$A AUD|$NZ NZD|$HK HKD'
)

/**
 * Words before the number that name a currency, as written, besides the codes: `Rs` (and `Rs.`,
 * whose full stop the reader takes in) is the rupee (SPEC 5.2).
 */
export const currencyPrefixWords: ReadonlyMap<string, string> = pairs('Rs INR')

/**
 * The ISO 4217 codes in use, in capitals, read right before or after the number (SPEC 5.2:
 * `JPY 500 billion`, `500 billion SEK`). Left out: the codes that are also ordinary words in a
 * capitalized headline (`ALL`, `TOP`, `CUP`, `MOP`, `PEN`, `GEL`, `MAD`, `SOS`, `BOB`), and
 * `AMD`, `PHP` and `TMT`, more often a chipmaker, a programming language (`PHP 5`) and a sector.
 */
export const currencyCodes: ReadonlyMap<string, string> = new Map([
  ...list(
    'AED|AFN|ANG|AOA|ARS|AUD|AWG|AZN|BAM|BBD|BDT|BGN|BHD|BIF|BMD|BND|BRL|BSD|BTN|BWP|BYN|BZD|' +
      'CAD|CDF|CHF|CLP|CNY|COP|CRC|CVE|CZK|DJF|DKK|DOP|DZD|EGP|ERN|ETB|EUR|FJD|FKP|GBP|GHS|GIP|' +
      'GMD|GNF|GTQ|GYD|HKD|HNL|HTG|HUF|IDR|ILS|INR|IQD|IRR|ISK|JMD|JOD|JPY|KES|KGS|KHR|KMF|KPW|' +
      'KRW|KWD|KYD|KZT|LAK|LBP|LKR|LRD|LSL|LYD|MDL|MGA|MKD|MMK|MNT|MRU|MUR|MVR|MWK|MXN|MYR|MZN|' +
      'NAD|NGN|NIO|NOK|NPR|NZD|OMR|PAB|PGK|PKR|PLN|PYG|QAR|RON|RSD|RUB|RWF|SAR|SBD|SCR|SDG|SEK|' +
      'SGD|SHP|SLE|SLL|SRD|SSP|STN|SVC|SYP|SZL|THB|TJS|TND|TRY|TTD|TWD|TZS|UAH|UGX|USD|UYU|UZS|' +
      'VES|VND|VUV|WST|XAF|XCD|XOF|XPF|YER|ZAR|ZMW|ZWG|ZWL'
  ).map((code): [string, string] => [code, code]),
  ['RMB', 'CNY']
])

/**
 * Currency names written after the number, lower-cased (`5 billion yuan`, `20 euros`). Beyond
 * the SPEC, names with one meaning after a number: `rand`, `ringgit`, `baht`, `rupiah`, `naira`,
 * `shekels`, `zloty`, `hryvnia`, `kronor` (Swedish), `lira` (Turkish), `reais` (Brazilian; the
 * singular `real` is an adjective far more often). `won` is read apart
 * (`unit.ts`): it is also a verb. `pounds` alone is a weight (SPEC 5.2).
 */
export const currencyWords: ReadonlyMap<string, string> = pairs(
  'yuan CNY|renminbi CNY|rmb CNY|euro EUR|euros EUR|dollar USD|dollars USD|yen JPY|' +
    'sterling GBP|rupee INR|rupees INR|rouble RUB|roubles RUB|ruble RUB|rubles RUB|rand ZAR|' +
    'ringgit MYR|baht THB|rupiah IDR|naira NGN|shekel ILS|shekels ILS|zloty PLN|zlotys PLN|' +
    'hryvnia UAH|hryvnias UAH|kronor SEK|lira TRY|liras TRY|reais BRL'
)

/**
 * Words before `dollars` that pick the dollar (SPEC 5.2: `3 billion Canadian dollars` is CAD),
 * lower-cased, one or two words. `Taiwan` and `New Taiwan` beyond the SPEC.
 */
export const dollarCountries: ReadonlyMap<string, string> = pairs(
  'us USD|american USD|canadian CAD|australian AUD|singapore SGD|taiwan TWD|' +
    'hong kong HKD|new zealand NZD|new taiwan TWD'
)

/** Words before `franc(s)` that name the franc (SPEC 5.2: `Swiss francs` is CHF). */
export const francCountries: ReadonlyMap<string, string> = pairs('swiss CHF')

/**
 * Hundredths written after the number, lower-cased (SPEC 5.2: `45 cents` is 0.45 USD, `5 pence`
 * 0.05 GBP); `cent` and `penny` singular, and `euro cents` (EUR) beyond the SPEC.
 */
export const hundredthWords: ReadonlyMap<string, string> = pairs(
  'cent USD|cents USD|penny GBP|pence GBP'
)

/**
 * The power of ten of a hundredth: `45 cents` is 45e-2 of the currency.
 */
export const hundredthExponent = -2

/**
 * `p` glued to the number is pence (SPEC 5.2: `20p` is 0.2 GBP), except the video resolutions
 * (`720p`, `1080p`), which are written the same way.
 */
export const videoResolutions: ReadonlySet<string> = new Set(
  list('240|360|480|540|720|1080|1440|2160|4320')
)

function pairs(entries: string): ReadonlyMap<string, string> {
  return new Map(
    list(entries).map((entry) => {
      const space = entry.lastIndexOf(' ')
      return [entry.slice(0, space), entry.slice(space + 1)]
    })
  )
}
