/**
 * What an image's `src` names (issue 18): relative to the article, `/x` in `public/`, remote
 * kept, and nothing outside the site (SPEC 9); and which widths are made of it, never upscaled.
 */
import { describe, expect, it } from 'vitest'
import { imageSource } from '../../src/images/image-source.js'
import { variantsOf, widthsOf } from '../../src/images/variants.js'

const article = 'content/2025/11/04/story.md'

describe('imageSource', () => {
  it.each([
    ['photo.jpg', { kind: 'local', path: 'content/2025/11/04/photo.jpg' }],
    [
      './img/Harbour%20View.JPG?v=2#top',
      { kind: 'local', path: 'content/2025/11/04/img/Harbour View.JPG' }
    ],
    ['../../shared/map.png', { kind: 'local', path: 'content/2025/shared/map.png' }],
    ['/charts/volume.png', { kind: 'local', path: 'public/charts/volume.png' }],
    ['https://images.example.com/x.jpg', { kind: 'remote' }],
    ['HTTP://images.example.com/x.jpg', { kind: 'remote' }],
    ['../../../../../etc/passwd', { kind: 'outside' }],
    ['/../data/site.yaml', { kind: 'outside' }],
    ['%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/x.jpg', { kind: 'outside' }],
    ['a\\..\\..\\x.jpg', { kind: 'outside' }],
    ['bad%zz.jpg', { kind: 'outside' }],
    ['javascript:alert(1)', { kind: 'other' }],
    ['data:image/png;base64,AAAA', { kind: 'other' }],
    ['//cdn.example.com/x.jpg', { kind: 'other' }],
    ['', { kind: 'other' }]
  ])('%s', (url, expected) => {
    expect(imageSource(article, url)).toEqual(expected)
  })
})

describe('the widths made of an image', () => {
  it.each([
    [4000, [480, 960, 1600]],
    [1600, [480, 960, 1600]],
    [1200, [480, 960, 1200]],
    [700, [480, 700]],
    [300, [300]]
  ])('%i px wide: %j', (width, widths) => {
    expect(widthsOf({ width })).toEqual(widths)
  })

  it('are each made in AVIF, WebP and the original format; GIF goes as it is', () => {
    const facts = { path: 'content/a.png', digest: 'ab', width: 700, height: 400 }
    expect(
      variantsOf({ ...facts, format: 'png' }).map((v) => `${v.format} ${v.width}x${v.height}`)
    ).toEqual([
      'avif 480x274',
      'avif 700x400',
      'webp 480x274',
      'webp 700x400',
      'png 480x274',
      'png 700x400'
    ])
    expect(
      variantsOf({ ...facts, format: 'gif' }).map((v) => `${v.format} ${v.width} ${v.asIs}`)
    ).toEqual(['gif 700 true'])
  })
})
