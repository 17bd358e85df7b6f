exports.handler = async (event) => {
  const payment = JSON.parse(event.body || '{}');
  console.log('payment event', payment.type);
  return { statusCode: 204 };
};
