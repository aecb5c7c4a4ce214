/** Six papers of two sections for ranking tests: Adam three times, RMSProp, momentum, and two on minima. */
export const optimizerDocs = [
  { title: 'Adam: a method for stochastic optimization', section: 'Optimizers' },
  { title: 'On the convergence of Adam and beyond', section: 'Optimizers' },
  { title: 'RMSProp lecture notes', section: 'Optimizers' },
  { title: 'Sharp minima can generalize', section: 'Theory' },
  { title: 'Momentum and Adam compared', section: 'Optimizers' },
  { title: 'Visualizing the loss landscape', description: 'sharp and flat minima', section: 'Theory' },
] as const;
