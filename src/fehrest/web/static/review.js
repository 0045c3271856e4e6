// The review queue: send a decision to the API with the analyst's token.
(function () {
  "use strict";
  const KEY = "fehrest-token";
  const tokenInput = document.getElementById("token");
  const message = document.getElementById("review-message");
  tokenInput.value = localStorage.getItem(KEY) || "";
  tokenInput.addEventListener("change", () => localStorage.setItem(KEY, tokenInput.value.trim()));

  function changesOf(card) {
    const form = card.querySelector(".correct-form");
    const value = (name) => form.querySelector(`[name="${name}"]`).value.trim();
    const changes = {};
    for (const name of ["type", "modality", "target"]) {
      if (value(name)) changes[name] = value(name);
    }
    changes.date = value("date") || null;
    if (value("jurisdiction")) changes.jurisdiction = value("jurisdiction").toUpperCase();
    return changes;
  }

  async function decide(card, decision) {
    const result = card.querySelector(".result");
    const token = tokenInput.value.trim();
    localStorage.setItem(KEY, token);
    const body = { decision };
    if (decision === "correct") body.changes = changesOf(card);
    const headers = { "Content-Type": "application/json" };
    if (token) headers.Authorization = "Bearer " + token;
    result.className = "result";
    result.textContent = "sending…";
    try {
      const response = await fetch(`/api/events/${card.dataset.event}/review`, {
        method: "POST", headers, body: JSON.stringify(body),
      });
      const answer = await response.json();
      if (!response.ok) {
        result.className = "result error";
        result.textContent = `${response.status}: ${answer.message}`;
        return;
      }
      const past = { accept: "accepted", reject: "rejected", correct: "corrected" }[decision];
      result.className = "result ok";
      result.textContent = `${past} by ${answer.reviewer} (audit entry ${answer.audit_id})` +
        (answer.new_event_id ? `; corrected event ${answer.new_event_id}` : "");
      card.classList.add("decided");
      card.dataset.decision = decision;
      message.textContent = `Event ${card.dataset.event} ${past}. Status reflects it now.`;
    } catch (err) {
      result.className = "result error";
      result.textContent = String(err);
    }
  }

  document.querySelectorAll(".review-item").forEach((card) => {
    card.querySelectorAll("button[data-decision]").forEach((button) => {
      button.addEventListener("click", () => decide(card, button.dataset.decision));
    });
  });
})();
