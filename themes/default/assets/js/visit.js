// A hall page's class-visit request form: posts to the CMS that serves the site, shows its answer on the page.
// Without this script the form stays hidden and the booking details above it are the way to book.
(function () {
  var box = document.querySelector('[data-visit]');
  var form = box && box.querySelector('form');
  if (!form || !window.fetch) return;
  var summary = form.querySelector('.visit-errors');
  var sent = box.querySelector('.visit-sent');
  var ids = { school: 'visit-school', contact: 'visit-contact', phone: 'visit-phone', email: 'visit-email', grade: 'visit-grade',
    students: 'visit-students', preferredDate: 'visit-date', message: 'visit-message', consent: 'visit-consent' };
  var tomorrow = new Date(Date.now() + 864e5);
  form.elements.preferredDate.min = tomorrow.getFullYear() + '-' + String(tomorrow.getMonth() + 1).padStart(2, '0') + '-' + String(tomorrow.getDate()).padStart(2, '0');

  function clear() {
    Object.keys(ids).forEach(function (name) {
      document.getElementById(ids[name]).removeAttribute('aria-invalid');
      document.getElementById(ids[name] + '-error').textContent = '';
    });
    summary.replaceChildren();
    summary.hidden = true;
  }

  function problem(text, errors) {
    var heading = document.createElement('p');
    heading.textContent = text;
    var list = document.createElement('ul');
    Object.keys(errors || {}).forEach(function (name) {
      var message = errors[name].join(' ');
      var li = document.createElement('li');
      if (ids[name]) {
        var field = document.getElementById(ids[name]);
        field.setAttribute('aria-invalid', 'true');
        document.getElementById(ids[name] + '-error').textContent = message;
        var a = document.createElement('a');
        a.href = '#' + ids[name];
        a.textContent = message;
        li.append(a);
      } else {
        li.textContent = message;
      }
      list.append(li);
    });
    summary.replaceChildren(heading, list);
    summary.hidden = false;
    summary.focus();
  }

  box.hidden = false;
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    clear();
    var f = form.elements;
    var body = {
      hall: f.hall.value, school: f.school.value, contact: f.contact.value, phone: f.phone.value, email: f.email.value,
      grade: f.grade.value, students: f.students.value === '' ? null : Number(f.students.value), preferredDate: f.preferredDate.value,
      message: f.message.value, consent: f.consent.checked, website: f.website.value
    };
    var button = form.querySelector('button[type=submit]');
    button.disabled = true;
    fetch(form.getAttribute('action'), { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body), credentials: 'omit' })
      .then(function (response) {
        if (response.status === 201) {
          return response.json().then(function (created) {
            form.hidden = true;
            sent.textContent = '已收到您的申请（编号 ' + created.id + '）。场馆工作人员会按您留下的电话与您联系，确认参观日期。';
            sent.hidden = false;
            sent.focus();
          });
        }
        if (response.status === 400) {
          return response.json().then(function (details) { problem('请修改以下内容后再提交：', details.errors); });
        }
        problem(response.status === 429 ? '提交次数过多，请十分钟后再试，或按上面的预约方式联系场馆。' : '暂时无法提交，请稍后再试，或按上面的预约方式联系场馆。');
      })
      .catch(function () { problem('网络连接出了问题，请稍后再试，或按上面的预约方式联系场馆。'); })
      .finally(function () { button.disabled = false; });
  });
})();
