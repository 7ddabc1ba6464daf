// Progressive enhancement only: every page works without this file.
// Times are rendered by the server in UTC; here they are shown in the reader's own time zone.
(function () {
  'use strict';
  if (!window.Intl || !Intl.DateTimeFormat) {
    return;
  }
  var dateOnly = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric' });
  var dateTime = new Intl.DateTimeFormat(undefined, {
    day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short'
  });
  document.querySelectorAll('time[datetime][data-local]').forEach(function (element) {
    var when = new Date(element.getAttribute('datetime'));
    if (isNaN(when.getTime())) {
      return;
    }
    var format = element.getAttribute('data-local') === 'datetime' ? dateTime : dateOnly;
    element.textContent = format.format(when);
  });
}());
