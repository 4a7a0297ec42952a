/** TEMPORARY private follow-up visit rating until Scoring's rating function lands (to be replaced). */
import type { FollowUpCriteria } from "../FollowUp.js"

export const visitRating = (c: FollowUpCriteria): "green" | "yellow" | "red" => {
  const xs = [c.health, c.education, c.food, c.relationship, c.safety]
  if (xs.includes("C")) return "red"
  if (xs.includes("B")) return "yellow"
  return "green"
}
