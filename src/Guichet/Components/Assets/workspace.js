// The workspace's keyboard (issue 24, SPEC W11): every shortcut is listed on "?", none fires while
// the agent is typing, and Ctrl+Enter sends the reply being written.
(function () {
  'use strict';
  const typing = (el) => el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  const rows = () => Array.from(document.querySelectorAll('#cases tbody tr'));
  let current = -1;

  function move(step) {
    const list = rows();
    if (list.length === 0) {
      return;
    }
    current = Math.max(0, Math.min(list.length - 1, current + step));
    list.forEach((row, i) => row.classList.toggle('current', i === current));
    const link = list[current].querySelector('a');
    if (link) {
      link.focus();
    }
  }

  function focus(id, event) {
    const field = document.getElementById(id);
    if (field) {
      event.preventDefault();
      field.focus();
    }
  }

  function toggleHelp() {
    const help = document.getElementById('shortcuts');
    if (help) {
      if (help.open) {
        help.close();
      } else {
        help.showModal();
      }
    }
  }

  document.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && event.target.closest && event.target.closest('#reply-form')) {
      event.preventDefault();
      event.target.closest('form').requestSubmit();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) {
      return;
    }
    switch (event.key) {
      case '?': event.preventDefault(); toggleHelp(); break;
      case 'j': move(1); break;
      case 'k': move(-1); break;
      case 'r': focus('reply', event); break;
      case 'n': focus('note', event); break;
      case 'a': {
        const mine = document.getElementById('assign-to-me');
        if (mine) {
          mine.requestSubmit();
        }
        break;
      }
      case 'i': window.location.href = '/'; break;
      default: break;
    }
  });
})();
