/*
 * factdesk: figure marks that explain themselves (issue 19). Each marked figure of a brief
 * becomes a button that opens a small popover with the verdict and what the check computed, by
 * tap, click or keyboard (Enter or Space), and closes with Escape, a second press or a press
 * elsewhere. Without this script the marks keep their `title`, and the fact-check panel lists
 * every check: nothing depends on it.
 */
;(function () {
  'use strict'
  var popoverId = 'fd-pop'
  var notes = new WeakMap()
  var verdicts = {}
  document.querySelectorAll('.fact-line .legend[data-status]').forEach(function (legend) {
    verdicts[legend.getAttribute('data-status')] = legend.textContent.trim()
  })
  var popover = document.createElement('span')
  popover.id = popoverId
  popover.className = 'fd-pop'
  popover.hidden = true
  var verdict = document.createElement('strong')
  var said = document.createElement('span')
  popover.append(verdict, ' ', said)
  var openMark = null

  document.querySelectorAll('.fd-fig').forEach(function (mark) {
    // A mark inside a link stays as it is: a button inside a link is neither valid nor usable.
    if (mark.closest('a, button')) return
    notes.set(mark, mark.getAttribute('title') || '')
    mark.removeAttribute('title')
    mark.setAttribute('role', 'button')
    mark.setAttribute('tabindex', '0')
    mark.setAttribute('aria-expanded', 'false')
    mark.setAttribute('aria-controls', popoverId)
    mark.addEventListener('click', function (event) {
      event.stopPropagation()
      toggle(mark)
    })
    mark.addEventListener('keydown', function (event) {
      if (event.key !== 'Enter' && event.key !== ' ') return
      event.preventDefault()
      toggle(mark)
    })
  })

  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape' || openMark === null) return
    var mark = openMark
    close()
    mark.focus()
  })
  document.addEventListener('click', function (event) {
    if (openMark !== null && !popover.contains(event.target)) close()
  })
  window.addEventListener('resize', function () {
    if (openMark !== null) place(openMark)
  })

  function toggle(mark) {
    var wasOpen = openMark === mark
    close()
    if (!wasOpen) open(mark)
  }

  function open(mark) {
    var status = mark.getAttribute('data-status') || ''
    var label = verdicts[status] || ''
    var note = notes.get(mark) || ''
    // The note starts with the verdict in the same words; the popover shows it once, in bold.
    if (label !== '' && note.indexOf(label) === 0) note = note.slice(label.length).replace(/^[.:]\s*/, '')
    verdict.textContent = label
    verdict.className = 'fd-pop__verdict verdict verdict--' + status
    said.textContent = note
    mark.after(popover)
    popover.hidden = false
    mark.setAttribute('aria-expanded', 'true')
    mark.setAttribute('aria-describedby', popoverId)
    openMark = mark
    place(mark)
  }

  function close() {
    if (openMark === null) return
    openMark.setAttribute('aria-expanded', 'false')
    openMark.removeAttribute('aria-describedby')
    popover.hidden = true
    openMark = null
  }

  // Under the mark's last line, kept inside the viewport's width.
  function place(mark) {
    var lines = mark.getClientRects()
    var line = lines[lines.length - 1] || mark.getBoundingClientRect()
    var parent = popover.offsetParent
    var base = (parent && parent !== document.body ? parent : document.documentElement).getBoundingClientRect()
    var width = popover.offsetWidth
    var left = Math.max(8, Math.min(line.left, document.documentElement.clientWidth - width - 8))
    popover.style.left = left - base.left + 'px'
    popover.style.top = line.bottom - base.top + 6 + 'px'
  }
})()
